package dev.tokenx.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerTest {

    @Test
    void answers_ping_on_its_port() throws IOException {
        try (RedisServer redis = RedisServer.start(FreePorts.pick(), null)) {
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
            assertThat(redis.host()).isEqualTo("127.0.0.1");
            assertThat(send(redis, "PING")).isEqualTo("+PONG");
        }
    }

    @Test
    void comes_back_on_the_same_port_after_an_outage_without_keeping_data() throws IOException {
        try (RedisServer redis = RedisServer.start(FreePorts.pick(), null)) {
            assertThat(send(redis, "SET greeting hello")).isEqualTo("+OK");

            redis.stop();
            assertThat(redis.isRunning()).isFalse();
            assertThatThrownBy(() -> send(redis, "PING")).isInstanceOf(ConnectException.class);

            redis.restart();
            assertThat(redis.isRunning()).isTrue();
            assertThat(send(redis, "PING")).isEqualTo("+PONG");
            assertThat(send(redis, "GET greeting")).isNull();
        }
    }

    @Test
    void keeps_keys_in_its_append_only_file_across_restarts(@TempDir Path folder) throws IOException {
        Path dataDir = folder.resolve("redis");
        int port = FreePorts.pick();
        try (RedisServer redis = RedisServer.start(port, dataDir)) {
            assertThat(send(redis, "SET greeting hello")).isEqualTo("+OK");
            redis.restart();
            assertThat(send(redis, "GET greeting")).isEqualTo("hello");
        }
        assertThat(dataDir.resolve("appendonly.aof")).isNotEmptyFile();

        try (RedisServer again = RedisServer.start(port, dataDir)) {
            assertThat(send(again, "GET greeting")).isEqualTo("hello");
        }
    }

    /** Sends one inline command; answers a simple reply as is, a bulk string by its value, nil as null. */
    private static String send(RedisServer redis, String command) throws IOException {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String reply = in.readLine();
            if (reply.equals("$-1")) {
                return null;
            }
            return reply.startsWith("$") ? in.readLine() : reply;
        }
    }
}
