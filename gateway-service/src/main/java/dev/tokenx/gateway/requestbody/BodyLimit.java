package dev.tokenx.gateway.requestbody;

import java.time.Duration;

/** The most bytes a route's request body may have, and how long the whole of it may take to arrive. */
record BodyLimit(int maxBytes, Duration readTimeout) {}
