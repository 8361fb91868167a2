package dev.tokenx.realtime.events.application;

/** No app has the id the HTTP API request is addressed to. */
public class UnknownApp extends RuntimeException {

    public UnknownApp(String appId) {
        super("Unknown app " + appId);
    }
}
