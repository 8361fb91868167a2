package dev.tokenx.realtime.apps;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Pusher apps this server hosts ({@code realtime.apps[n].*}). application.yml holds one app with
 * local-development credentials, overridable through {@code REALTIME_APP_ID}, {@code REALTIME_APP_KEY} and
 * {@code REALTIME_APP_SECRET}; {@code REALTIME_APPS_0_ID}, {@code REALTIME_APPS_1_ID} ... replace the list.
 */
@Validated
@ConfigurationProperties("realtime")
public record AppsProperties(@NotEmpty List<@Valid App> apps) {

    /**
     * @param id what the HTTP API is addressed by ({@code /apps/{id}/events})
     * @param key what WebSocket clients connect with ({@code /app/{key}}); public
     * @param secret what both sides sign with; only from the environment outside local development
     * @param enabled a disabled app is refused: 4003 on the WebSocket, 403 on the HTTP API
     */
    public record App(
            @NotBlank String id,
            @NotBlank String key,
            @NotBlank String secret,
            @DefaultValue("true") boolean enabled) {

        @Override
        public String toString() {
            // Records print every component; a secret must not reach a log line or an error message.
            return "App[id=" + id + ", key=" + key + ", secret=<hidden>, enabled=" + enabled + "]";
        }
    }
}
