package dev.tokenx.contracts;

import dev.tokenx.contracts.AssetTokenEvent.ComplianceAgentAdded;
import dev.tokenx.contracts.AssetTokenEvent.ComplianceAgentRemoved;
import dev.tokenx.contracts.AssetTokenEvent.FreezeUpdated;
import dev.tokenx.contracts.AssetTokenEvent.Paused;
import dev.tokenx.contracts.AssetTokenEvent.SettlementAgentAdded;
import dev.tokenx.contracts.AssetTokenEvent.SettlementAgentRemoved;
import dev.tokenx.contracts.AssetTokenEvent.Transfer;
import dev.tokenx.contracts.AssetTokenEvent.Unpaused;
import dev.tokenx.contracts.AssetTokenEvent.VerificationUpdated;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.EventValues;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.AbiTypes;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.Contract;

/** Decodes AssetToken's logs into {@link AssetTokenEvent}s. The definitions mirror the events of AssetToken.sol. */
final class EventCodec {

    private static final Map<String, Definition> BY_TOPIC = Stream.of(
                    new Definition(
                            "Transfer",
                            List.of(indexed("address"), indexed("address"), plain("uint256")),
                            v -> new Transfer(
                                    address(v.getIndexedValues(), 0),
                                    address(v.getIndexedValues(), 1),
                                    uint(v.getNonIndexedValues(), 0))),
                    new Definition(
                            "SettlementAgentAdded",
                            List.of(indexed("address")),
                            v -> new SettlementAgentAdded(address(v.getIndexedValues(), 0))),
                    new Definition(
                            "SettlementAgentRemoved",
                            List.of(indexed("address")),
                            v -> new SettlementAgentRemoved(address(v.getIndexedValues(), 0))),
                    new Definition(
                            "ComplianceAgentAdded",
                            List.of(indexed("address")),
                            v -> new ComplianceAgentAdded(address(v.getIndexedValues(), 0))),
                    new Definition(
                            "ComplianceAgentRemoved",
                            List.of(indexed("address")),
                            v -> new ComplianceAgentRemoved(address(v.getIndexedValues(), 0))),
                    new Definition(
                            "VerificationUpdated",
                            List.of(indexed("address"), plain("bool"), indexed("address")),
                            v -> new VerificationUpdated(
                                    address(v.getIndexedValues(), 0),
                                    bool(v.getNonIndexedValues(), 0),
                                    address(v.getIndexedValues(), 1))),
                    new Definition(
                            "FreezeUpdated",
                            List.of(indexed("address"), plain("bool"), indexed("address")),
                            v -> new FreezeUpdated(
                                    address(v.getIndexedValues(), 0),
                                    bool(v.getNonIndexedValues(), 0),
                                    address(v.getIndexedValues(), 1))),
                    new Definition(
                            "Paused", List.of(plain("address")), v -> new Paused(address(v.getNonIndexedValues(), 0))),
                    new Definition(
                            "Unpaused",
                            List.of(plain("address")),
                            v -> new Unpaused(address(v.getNonIndexedValues(), 0))))
            .collect(Collectors.toUnmodifiableMap(Definition::topic, Function.identity()));

    private EventCodec() {}

    /** The event a log carries, or empty for a log that is not one of AssetToken's events. */
    static Optional<AssetTokenEvent> decode(Log log) {
        List<String> topics = log.getTopics();
        if (topics == null || topics.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_TOPIC.get(topics.getFirst().toLowerCase(Locale.ROOT)))
                .map(definition -> definition.decode(log));
    }

    /** Canonical signatures of the decoded events, for example {@code Transfer(address,address,uint256)}. */
    static Set<String> signatures() {
        return BY_TOPIC.values().stream().map(Definition::signature).collect(Collectors.toUnmodifiableSet());
    }

    private static Param indexed(String solidityType) {
        return new Param(solidityType, true);
    }

    private static Param plain(String solidityType) {
        return new Param(solidityType, false);
    }

    @SuppressWarnings("rawtypes")
    private static String address(List<Type> values, int index) {
        return Keys.toChecksumAddress(((Address) values.get(index)).getValue());
    }

    @SuppressWarnings("rawtypes")
    private static BigInteger uint(List<Type> values, int index) {
        return ((Uint256) values.get(index)).getValue();
    }

    @SuppressWarnings("rawtypes")
    private static boolean bool(List<Type> values, int index) {
        return ((Bool) values.get(index)).getValue();
    }

    private record Param(String solidityType, boolean indexed) {

        @SuppressWarnings("unchecked")
        TypeReference<Type> typeReference() {
            return TypeReference.create((Class<Type>) AbiTypes.getType(solidityType), indexed);
        }
    }

    private record Definition(String name, List<Param> params, Function<EventValues, AssetTokenEvent> factory) {

        Event event() {
            return new Event(
                    name,
                    params.stream().<TypeReference<?>>map(Param::typeReference).toList());
        }

        String topic() {
            return EventEncoder.encode(event());
        }

        String signature() {
            return name + params.stream().map(Param::solidityType).collect(Collectors.joining(",", "(", ")"));
        }

        AssetTokenEvent decode(Log log) {
            return factory.apply(Contract.staticExtractEventParameters(event(), log));
        }
    }
}
