package dev.tokenx.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.samples.GoldenSamples;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoldenSamplesTest {

    private static final JsonMapper TREES = JsonMapper.builder().build();

    @ParameterizedTest
    @FieldSource("dev.tokenx.events.samples.GoldenSamples#ALL")
    void every_sample_reads_into_its_event_and_writes_back_to_the_same_json(String sample) {
        String json = GoldenSamples.read(sample);

        DomainEvent event = EventJson.read(GoldenSamples.typeOf(sample), json.getBytes(StandardCharsets.UTF_8));

        assertThat(EventCatalog.typeOf(event)).isEqualTo(GoldenSamples.typeOf(sample));
        assertThat(GoldenSamples.nameOf(event)).isEqualTo(sample);
        assertThat(TREES.readTree(EventJson.writeAsString(event))).isEqualTo(TREES.readTree(json));
    }

    @Test
    void every_event_type_has_a_golden_sample() {
        Set<String> sampledTypes =
                GoldenSamples.ALL.stream().map(GoldenSamples::typeOf).collect(Collectors.toSet());

        assertThat(sampledTypes).containsExactlyInAnyOrderElementsOf(concreteEventTypes());
    }

    @Test
    void every_event_field_appears_in_its_sample_so_the_contract_covers_it() {
        for (String sample : GoldenSamples.ALL) {
            JsonNode tree = TREES.readTree(GoldenSamples.read(sample));
            Class<?> eventClass =
                    EventCatalog.classOf(GoldenSamples.typeOf(sample)).orElseThrow();
            Set<String> fields = Arrays.stream(eventClass.getRecordComponents())
                    .map(c -> c.getName())
                    .collect(Collectors.toSet());

            assertThat(tree.propertyNames()).as(sample).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    private static Set<String> concreteEventTypes() {
        return permittedLeaves(DomainEvent.class).map(Class::getSimpleName).collect(Collectors.toSet());
    }

    private static Stream<Class<?>> permittedLeaves(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        return permitted == null
                ? Stream.of(type)
                : Arrays.stream(permitted).flatMap(GoldenSamplesTest::permittedLeaves);
    }
}
