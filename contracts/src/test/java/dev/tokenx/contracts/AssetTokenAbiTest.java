package dev.tokenx.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.AbiDefinition;

/** The hand-written Java side agrees with the committed ABI: every error, event and function, same types. */
class AssetTokenAbiTest {

    private static final String SOMEONE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private static List<AbiDefinition> abi;

    @BeforeAll
    static void readAbi() throws IOException {
        try (InputStream in = AssetTokenContract.class.getResourceAsStream("AssetToken.abi")) {
            assertThat(in).as("AssetToken.abi on the class path").isNotNull();
            abi = List.of(ObjectMapperFactory.getObjectMapper().readValue(in, AbiDefinition[].class));
        }
    }

    @Test
    void every_custom_error_of_the_contract_is_decoded_into_a_refusal() {
        Set<String> decoded = Arrays.stream(AssetTokenError.values())
                .map(AssetTokenError::signature)
                .collect(Collectors.toSet());

        assertThat(decoded).isEqualTo(signatures("error"));
    }

    @Test
    void every_event_of_the_contract_is_decoded_into_its_own_record() {
        assertThat(EventCodec.signatures()).isEqualTo(signatures("event"));
        assertThat(AssetTokenEvent.class.getPermittedSubclasses()).hasSameSizeAs(EventCodec.signatures());
    }

    @Test
    void every_function_of_the_contract_is_encoded_with_its_abi_types() {
        BigInteger one = BigInteger.ONE;
        Set<String> encoded = Stream.of(
                        AssetTokenFunctions.name(),
                        AssetTokenFunctions.symbol(),
                        AssetTokenFunctions.decimals(),
                        AssetTokenFunctions.totalSupply(),
                        AssetTokenFunctions.owner(),
                        AssetTokenFunctions.paused(),
                        AssetTokenFunctions.balanceOf(SOMEONE),
                        AssetTokenFunctions.isSettlementAgent(SOMEONE),
                        AssetTokenFunctions.isComplianceAgent(SOMEONE),
                        AssetTokenFunctions.isVerified(SOMEONE),
                        AssetTokenFunctions.isFrozen(SOMEONE),
                        AssetTokenFunctions.addSettlementAgent(SOMEONE),
                        AssetTokenFunctions.removeSettlementAgent(SOMEONE),
                        AssetTokenFunctions.addComplianceAgent(SOMEONE),
                        AssetTokenFunctions.removeComplianceAgent(SOMEONE),
                        AssetTokenFunctions.setVerified(SOMEONE, true),
                        AssetTokenFunctions.setAddressFrozen(SOMEONE, true),
                        AssetTokenFunctions.pause(),
                        AssetTokenFunctions.unpause(),
                        AssetTokenFunctions.mint(SOMEONE, one),
                        AssetTokenFunctions.transfer(SOMEONE, one),
                        AssetTokenFunctions.forcedTransfer(SOMEONE, SOMEONE, one),
                        AssetTokenFunctions.batchForcedTransfer(List.of(new ForcedTransfer(SOMEONE, SOMEONE, one))))
                .map(AssetTokenAbiTest::signature)
                .collect(Collectors.toSet());

        assertThat(encoded).isEqualTo(signatures("function"));
    }

    @Test
    void the_facade_has_a_public_method_for_every_function_of_the_contract() {
        Set<String> methods = Arrays.stream(AssetTokenContract.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(methods).containsAll(names("function"));
    }

    private static Set<String> signatures(String kind) {
        return abi.stream()
                .filter(definition -> kind.equals(definition.getType()))
                .map(definition -> definition.getName()
                        + definition.getInputs().stream()
                                .map(AbiDefinition.NamedType::getType)
                                .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toSet());
    }

    private static Set<String> names(String kind) {
        return abi.stream()
                .filter(definition -> kind.equals(definition.getType()))
                .map(AbiDefinition::getName)
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("rawtypes")
    private static String signature(Function function) {
        return function.getName()
                + function.getInputParameters().stream()
                        .map(Type::getTypeAsString)
                        .collect(Collectors.joining(",", "(", ")"));
    }
}
