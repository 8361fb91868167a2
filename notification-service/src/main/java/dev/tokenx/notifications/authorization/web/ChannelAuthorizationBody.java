package dev.tokenx.notifications.authorization.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON form of a channel authorization request, with the protocol's field names. */
record ChannelAuthorizationBody(
        @JsonProperty("socket_id") String socketId,
        @JsonProperty("channel_name") String channelName) {}
