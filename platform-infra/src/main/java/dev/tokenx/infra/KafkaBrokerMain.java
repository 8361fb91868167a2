package dev.tokenx.infra;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the broker's child JVM: formats the storage on first start, then runs
 * {@code kafka.Kafka}. It also exits (cleanly, through Kafka's shutdown hook) as soon as the JVM that
 * started it is gone, so that a killed test run or launcher leaves no orphan broker behind.
 *
 * <p>Arguments: parent pid, path of server.properties, cluster id used if the storage is unformatted.
 */
final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        long parentPid = Long.parseLong(args[0]);
        String config = args[1];
        String clusterId = args[2];
        exitWhenGone(parentPid);
        // --ignore-formatted keeps an existing storage (and its cluster id) untouched on restarts.
        int formatted = StorageTool.execute(
                new String[] {"format", "--config", config, "--cluster-id", clusterId, "--ignore-formatted"},
                System.out);
        if (formatted != 0) {
            System.exit(formatted);
        }
        Kafka.main(new String[] {config});
    }

    private static void exitWhenGone(long parentPid) {
        ProcessHandle.of(parentPid)
                .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    }
}
