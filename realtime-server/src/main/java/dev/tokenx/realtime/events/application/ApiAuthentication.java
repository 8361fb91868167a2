package dev.tokenx.realtime.events.application;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.apps.domain.PusherApps;
import dev.tokenx.realtime.events.domain.SignedRequest;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Finds the app an HTTP API request is addressed to and checks that the app signed it. */
@Service
public class ApiAuthentication {

    private final PusherApps apps;
    private final Clock clock;

    public ApiAuthentication(PusherApps apps, Clock clock) {
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * @throws UnknownApp when no app has the id
     * @throws AppDisabled when the app is switched off
     * @throws dev.tokenx.realtime.events.domain.RequestNotAuthenticated when the signature does not hold
     */
    public PusherApp authenticate(String appId, SignedRequest request) {
        PusherApp app = apps.byId(appId).orElseThrow(() -> new UnknownApp(appId));
        if (!app.enabled()) {
            throw new AppDisabled(appId);
        }
        request.verify(app, clock.instant());
        return app;
    }
}
