package dev.tokenx.notifications.pusher;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.pusher.rest.marshaller.DataMarshaller;
import java.math.BigDecimal;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes message payloads with Jackson: amounts as decimal strings (as in events: a browser's {@code JSON.parse} would
 * turn a number into a binary float), instants as ISO-8601 strings, absent values left out (a client reads a missing
 * {@code txHash} as "no transaction yet"). Replaces the library's Gson marshaller, which knows neither Java
 * records nor {@code java.time}.
 */
final class JsonDataMarshaller implements DataMarshaller {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public String marshal(Object data) {
        return MAPPER.writeValueAsString(data);
    }
}
