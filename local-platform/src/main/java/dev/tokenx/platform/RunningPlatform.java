package dev.tokenx.platform;

import dev.tokenx.infra.ServiceProcess;
import java.util.ArrayList;
import java.util.List;

/** Infrastructure and services, up and healthy; closing stops the services first, then the servers. */
public final class RunningPlatform implements AutoCloseable {

    private final PlatformSettings settings;
    private final LocalInfrastructure infrastructure;
    private final List<ServiceProcess> services;

    private RunningPlatform(
            PlatformSettings settings, LocalInfrastructure infrastructure, List<ServiceProcess> services) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.services = services;
    }

    public static RunningPlatform start(PlatformSettings settings) {
        LocalInfrastructure infrastructure = LocalInfrastructure.start(settings);
        List<ServiceProcess> services = new ArrayList<>();
        try {
            // All JVMs start together and warm up in parallel; waiting on each in turn then costs only the slowest.
            for (ServiceSpec spec : ServiceLineup.of(settings, infrastructure)) {
                services.add(ServiceProcess.start(
                        settings.repoRoot(),
                        spec.module(),
                        spec.port(),
                        spec.environment(),
                        settings.serviceJavaOpts(),
                        settings.logDir().resolve(spec.module() + ".log")));
            }
            services.forEach(service -> service.awaitHealthy(settings.startTimeout()));
            return new RunningPlatform(settings, infrastructure, services);
        } catch (RuntimeException e) {
            stopServices(services);
            infrastructure.close();
            throw e;
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    List<ServiceProcess> services() {
        return services;
    }

    @Override
    public void close() {
        stopServices(services);
        infrastructure.close();
    }

    /** Stops services in parallel: each may take seconds to drain, and they do not depend on one another to stop. */
    private static void stopServices(List<ServiceProcess> services) {
        List<Thread> stopping = services.stream()
                .map(service -> Thread.ofVirtual().start(service::close))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
