package dev.tokenx.realtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.realtime.support.ExtraInstance;
import dev.tokenx.realtime.support.RawSocket;
import dev.tokenx.realtime.support.TestApps;
import dev.tokenx.testkit.WithRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stopping instance sends its clients elsewhere at once instead of holding the shutdown open. */
@WithRedis
class ShutdownTest {

    @Test
    void closes_every_connection_with_4200_so_that_clients_reconnect_at_once() {
        ExtraInstance instance = ExtraInstance.start();
        RawSocket socket = RawSocket.open(instance.port(), "/app/" + TestApps.LOCAL.key() + "?protocol=7", true);
        socket.awaitEvent("pusher:connection_established");

        long started = System.nanoTime();
        instance.close();

        // Graceful shutdown waits up to 20 s for open requests; WebSocket sessions must not count as such.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(socket.awaitCloseCode(Duration.ofSeconds(5))).isEqualTo(4200);
        assertThat(socket.awaitEvent("pusher:error").path("data").path("code").intValue())
                .isEqualTo(4200);
    }
}
