package dev.tokenx.notifications.authorization.web;

/**
 * What Pusher clients expect back: {@code {"auth":"<app key>:<signature>"}}, passed unchanged in their subscribe
 * message.
 */
record ChannelAuthorizationResponse(String auth) {}
