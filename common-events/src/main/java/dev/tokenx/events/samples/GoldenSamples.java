package dev.tokenx.events.samples;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The golden JSON of each event version: the contract that producer tests write against and consumer tests read
 * from. A sample is named after its event's logical type in kebab case plus its version, e.g.
 * {@code order-placed.v1}.
 */
public final class GoldenSamples {

    /** Every sample; a test proves each one round-trips and that every event type has one. */
    public static final List<String> ALL = List.of(
            "order-placed.v1",
            "order-status-changed.v1",
            "settlement-submitted.v1",
            "settlement-confirming.v1",
            "settlement-confirmed.v1",
            "settlement-failed.v1",
            "portfolio-changed.v1",
            "price-updated.v1",
            "kyc-status-changed.v1",
            "system-announcement.v1");

    private GoldenSamples() {}

    public static String read(String name) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No golden sample named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample name of the current version of an event's type: {@code OrderPlaced} → {@code order-placed.v1}. */
    public static String nameOf(DomainEvent event) {
        return kebab(EventCatalog.typeOf(event)) + ".v1";
    }

    /** The logical type name a sample holds: {@code order-placed.v1} → {@code OrderPlaced}. */
    public static String typeOf(String sampleName) {
        StringBuilder type = new StringBuilder();
        for (String word : sampleName.substring(0, sampleName.indexOf('.')).split("-")) {
            type.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return type.toString();
    }

    private static String kebab(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
