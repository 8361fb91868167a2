package dev.tokenx.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events: amounts as decimal strings (no binary floating point anywhere near money),
 * instants as ISO-8601 strings, unknown fields ignored so that producers may add fields.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {}

    public static byte[] write(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeAsString(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /**
     * Reads an event by its logical type name.
     *
     * @throws UnknownEventType when the name is not in the {@link EventCatalog}
     * @throws JacksonException when the JSON does not fit the type
     */
    public static DomainEvent read(String type, byte[] json) {
        Class<? extends DomainEvent> eventClass =
                EventCatalog.classOf(type).orElseThrow(() -> new UnknownEventType(type));
        return MAPPER.readValue(json, eventClass);
    }

    public static <T extends DomainEvent> T read(Class<T> eventClass, String json) {
        return MAPPER.readValue(json, eventClass);
    }
}
