package dev.tokenx.platform;

import java.util.Map;

/** One service of the platform: its Maven module, its port and the environment that configures it. */
record ServiceSpec(String module, int port, Map<String, String> environment) {}
