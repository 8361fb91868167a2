package dev.tokenx.realtime.support;

import dev.tokenx.realtime.RealtimeServerApplication;
import dev.tokenx.testkit.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more realtime server in this JVM, on its own free port, with the test apps and the shared test Redis:
 * another replica of the same deployment.
 */
public final class ExtraInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ExtraInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ExtraInstance start(String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(TestApps.properties()));
        properties.add("server.port=0");
        properties.add("realtime.redis.address=" + Infrastructure.redis().uri());
        properties.add("spring.main.banner-mode=off");
        properties.addAll(List.of(extraProperties));
        // As command-line arguments: they outrank application.yml, which builder properties (defaults) do not.
        String[] arguments =
                properties.stream().map(property -> "--" + property).toArray(String[]::new);
        return new ExtraInstance(new SpringApplicationBuilder(RealtimeServerApplication.class).run(arguments));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
