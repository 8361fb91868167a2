package dev.tokenx.realtime.events.application;

/** The app exists but is switched off (Pusher answers 403). */
public class AppDisabled extends RuntimeException {

    public AppDisabled(String appId) {
        super("App " + appId + " is disabled");
    }
}
