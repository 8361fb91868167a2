package dev.tokenx.realtime.apps.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The apps this server hosts, found by id (HTTP API) or by key (WebSocket path). */
public final class PusherApps {

    private final Map<String, PusherApp> byId = new HashMap<>();
    private final Map<String, PusherApp> byKey = new HashMap<>();

    public PusherApps(Collection<PusherApp> apps) {
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("At least one Pusher app must be configured");
        }
        for (PusherApp app : apps) {
            if (byId.putIfAbsent(app.id(), app) != null) {
                throw new IllegalArgumentException("Two Pusher apps share the id " + app.id());
            }
            if (byKey.putIfAbsent(app.key(), app) != null) {
                throw new IllegalArgumentException("Two Pusher apps share the key " + app.key());
            }
        }
    }

    public Optional<PusherApp> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<PusherApp> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
