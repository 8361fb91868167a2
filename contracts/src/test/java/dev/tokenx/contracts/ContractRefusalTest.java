package dev.tokenx.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

class ContractRefusalTest {

    private static final String SENDER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private static final String RECIPIENT = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static final String SOMEONE_ELSE = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

    @Nested
    class Decoding {

        @ParameterizedTest
        @EnumSource(AssetTokenError.class)
        void decodes_each_custom_error_of_the_contract_with_its_arguments(AssetTokenError error) {
            List<Object> arguments = sampleArguments(error);

            Optional<ContractRefusal> refusal = ContractRefusal.decode(revertData(error, arguments));

            assertThat(refusal).hasValueSatisfying(decoded -> {
                assertThat(decoded.error()).isEqualTo(error);
                assertThat(decoded.errorName()).isEqualTo(error.errorName());
                assertThat(decoded.arguments()).isEqualTo(arguments);
            });
        }

        @Test
        void knows_an_error_by_the_selector_the_node_reports() {
            // keccak256("NotSettlementAgent(address)"), as anvil reports it: "execution reverted: custom error
            // 0x2295b27a".
            assertThat(AssetTokenError.NOT_SETTLEMENT_AGENT.selector()).isEqualTo("0x2295b27a");
        }

        @Test
        void reads_revert_data_quoted_and_in_upper_case_as_nodes_may_return_it() {
            String data = revertData(AssetTokenError.ADDRESS_FROZEN, List.of(RECIPIENT));

            assertThat(ContractRefusal.decode("\"" + data.toUpperCase().replace("0X", "0x") + "\""))
                    .map(ContractRefusal::arguments)
                    .hasValue(List.of(RECIPIENT));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(
                strings = {
                    "",
                    "0x",
                    "not hex",
                    "0x2295b2",
                    // NotSettlementAgent's selector with its address argument cut short
                    "0x2295b27a0000000000000000",
                    // Panic(uint256) 0x11: an arithmetic overflow, not one of the contract's rules
                    "0x4e487b710000000000000000000000000000000000000000000000000000000000000011"
                })
        void finds_no_refusal_in_data_that_is_not_one_of_the_contract_errors(String data) {
            assertThat(ContractRefusal.decode(data)).isEmpty();
        }

        @Test
        void finds_no_refusal_in_a_plain_revert_message() {
            String errorString =
                    FunctionEncoder.encode(new Function("Error", List.of(new Utf8String("nope")), List.of()));

            assertThat(ContractRefusal.decode(errorString)).isEmpty();
        }
    }

    @Nested
    class Reasons {

        @Test
        void names_the_recipient_when_the_recipient_is_frozen() {
            assertThat(refusal(AssetTokenError.ADDRESS_FROZEN, RECIPIENT).transferReason(SENDER, RECIPIENT))
                    .isEqualTo("Recipient address is frozen");
        }

        @Test
        void names_the_sender_when_the_sender_is_frozen() {
            assertThat(refusal(AssetTokenError.ADDRESS_FROZEN, SENDER).transferReason(SENDER, RECIPIENT))
                    .isEqualTo("Sender address is frozen");
        }

        @Test
        void names_the_side_that_is_not_verified_whatever_the_case_of_the_addresses() {
            ContractRefusal refusal = refusal(AssetTokenError.NOT_VERIFIED, RECIPIENT);

            assertThat(refusal.transferReason(SENDER.toLowerCase(), RECIPIENT.toLowerCase()))
                    .isEqualTo("Recipient address is not verified");
        }

        @Test
        void says_what_the_sender_holds_when_the_balance_is_short() {
            ContractRefusal refusal =
                    refusal(AssetTokenError.INSUFFICIENT_BALANCE, SENDER, BigInteger.valueOf(3), BigInteger.valueOf(5));

            assertThat(refusal.transferReason(SENDER, RECIPIENT)).isEqualTo("Sender holds 3 tokens, 5 needed");
            assertThat(refusal.reason()).isEqualTo("Address " + SENDER + " holds 3 tokens, 5 needed");
        }

        @Test
        void says_transfers_are_paused() {
            assertThat(refusal(AssetTokenError.TOKEN_PAUSED).transferReason(SENDER, RECIPIENT))
                    .isEqualTo("Token transfers are paused");
        }

        @Test
        void names_the_address_when_it_is_neither_side_of_the_transfer() {
            assertThat(refusal(AssetTokenError.NOT_SETTLEMENT_AGENT, SOMEONE_ELSE)
                            .transferReason(SENDER, RECIPIENT))
                    .isEqualTo("Caller " + SOMEONE_ELSE + " is not a settlement agent of the token");
        }

        @Test
        void carries_the_error_its_arguments_and_the_reason_in_its_message() {
            assertThat(refusal(AssetTokenError.ADDRESS_FROZEN, RECIPIENT))
                    .hasMessage("AddressFrozen(" + RECIPIENT + "): Address " + RECIPIENT + " is frozen");
        }

        private ContractRefusal refusal(AssetTokenError error, Object... arguments) {
            return ContractRefusal.decode(revertData(error, List.of(arguments))).orElseThrow();
        }
    }

    private static List<Object> sampleArguments(AssetTokenError error) {
        List<Object> arguments = new ArrayList<>();
        for (String type : error.parameterTypes()) {
            arguments.add("address".equals(type) ? SENDER : BigInteger.valueOf(1_000L + arguments.size()));
        }
        return arguments;
    }

    /** Revert data as the EVM produces it: the error's selector and ABI-encoded arguments, as for a call. */
    @SuppressWarnings("rawtypes")
    private static String revertData(AssetTokenError error, List<Object> arguments) {
        List<Type> encoded = arguments.stream()
                .<Type>map(argument ->
                        argument instanceof String address ? new Address(address) : new Uint256((BigInteger) argument))
                .toList();
        return FunctionEncoder.encode(new Function(error.errorName(), encoded, List.of()));
    }
}
