package dev.tokenx.contracts;

import static dev.tokenx.contracts.TestChain.account;
import static dev.tokenx.contracts.TestChain.freshAddress;
import static dev.tokenx.contracts.TestChain.gas;
import static dev.tokenx.contracts.TestChain.refusal;
import static dev.tokenx.contracts.TestChain.setUp;
import static dev.tokenx.contracts.TestChain.signer;
import static dev.tokenx.contracts.TestChain.tokens;
import static dev.tokenx.contracts.TestChain.web3j;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.contracts.AssetTokenDeployment.TokenSpec;
import dev.tokenx.contracts.AssetTokenEvent.ComplianceAgentAdded;
import dev.tokenx.contracts.AssetTokenEvent.ComplianceAgentRemoved;
import dev.tokenx.contracts.AssetTokenEvent.FreezeUpdated;
import dev.tokenx.contracts.AssetTokenEvent.Paused;
import dev.tokenx.contracts.AssetTokenEvent.SettlementAgentAdded;
import dev.tokenx.contracts.AssetTokenEvent.SettlementAgentRemoved;
import dev.tokenx.contracts.AssetTokenEvent.Transfer;
import dev.tokenx.contracts.AssetTokenEvent.Unpaused;
import dev.tokenx.contracts.AssetTokenEvent.VerificationUpdated;
import dev.tokenx.testkit.WithAnvil;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Every rule of AssetToken.sol on a real anvil chain (a block a second), through the facade. A refusal
 * is caught by the facade's simulation before anything is sent, so only the successful writes (and the
 * raw transactions) wait for a block; one deployment serves every rule that does not pause the token.
 */
@WithAnvil
class AssetTokenContractTest {

    /** Owner: mints and appoints, holds no agent role. */
    private static final int DEPLOYER = 0;
    /** Verified, holds tokens. */
    private static final int ALICE = 1;
    /** Verified. */
    private static final int BOB = 2;
    /** Not verified. */
    private static final int CAROL = 3;
    /** Verified, holds tokens, frozen. */
    private static final int DAVE = 4;
    /** No role, not verified. */
    private static final int OUTSIDER = 5;
    /** Appointed compliance agent: whitelists, freezes, pauses. */
    private static final int COMPLIANCE = 6;
    /** Appointed settlement agent that a test removes. */
    private static final int RETIRING_AGENT = 7;
    /** Receives the supply. */
    private static final int TREASURY = 8;
    /** Appointed settlement agent; also signs raw transactions with its own nonces, as the blockchain service does. */
    private static final int SETTLEMENT = 9;

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final BigInteger SUPPLY = tokens(1_000_000);

    private static AssetTokenContract token;

    @BeforeAll
    static void deployOneTokenForTheRulesThatDoNotPauseIt() {
        token = new AssetTokenDeployment(web3j(), signer(DEPLOYER), signer(COMPLIANCE), gas())
                .deploy(new TokenSpec(
                        "Prestige Tower Mumbai",
                        "PRST",
                        account(TREASURY),
                        SUPPLY,
                        List.of(account(SETTLEMENT), account(RETIRING_AGENT)),
                        List.of(account(COMPLIANCE)),
                        List.of(account(ALICE), account(BOB), account(DAVE))));
        setUp(
                token,
                AssetTokenFunctions.mint(account(ALICE), tokens(1_000)),
                AssetTokenFunctions.mint(account(DAVE), tokens(100)));
        setUp(as(COMPLIANCE), AssetTokenFunctions.setAddressFrozen(account(DAVE), true));
    }

    /**
     * Signs and sends the call data as the dev account without the facade's simulation, so that a refused call is
     * mined as failed; through the account's one nonce-tracking signer, as every other transaction of the account.
     */
    private static TransactionReceipt signAndSend(int devAccount, String callData) throws Exception {
        return signAndSend(devAccount, callData, AssetTokenGasProvider.CALL_GAS_LIMIT);
    }

    private static TransactionReceipt signAndSend(int devAccount, String callData, BigInteger gasLimit)
            throws Exception {
        EthSendTransaction sent = signer(devAccount)
                .sendTransaction(TestChain.GAS_PRICE, gasLimit, token.address(), callData, BigInteger.ZERO);
        assertThat(sent.hasError()).as("%s", sent.getError()).isFalse();
        return new PollingTransactionReceiptProcessor(web3j(), 200, 60)
                .waitForTransactionReceipt(sent.getTransactionHash());
    }

    private static AssetTokenContract as(int devAccount) {
        return token.as(signer(devAccount));
    }

    @Nested
    class A_deployed_token {

        @Test
        void counts_in_whole_tokens_with_zero_decimals() {
            assertThat(token.decimals()).isZero();
        }

        @Test
        void carries_its_name_and_symbol() {
            assertThat(token.name()).isEqualTo("Prestige Tower Mumbai");
            assertThat(token.symbol()).isEqualTo("PRST");
        }

        @Test
        void is_owned_by_its_deployer_who_holds_no_agent_role() {
            assertThat(token.owner()).isEqualTo(account(DEPLOYER));
            assertThat(token.isSettlementAgent(account(DEPLOYER))).isFalse();
            assertThat(token.isComplianceAgent(account(DEPLOYER))).isFalse();
            assertThat(token.eventsIn(token.deploymentReceipt().orElseThrow())).isEmpty();
        }

        @Test
        void gives_no_role_and_no_whitelisting_to_anyone_else() {
            assertThat(token.isSettlementAgent(account(OUTSIDER))).isFalse();
            assertThat(token.isComplianceAgent(account(OUTSIDER))).isFalse();
            assertThat(token.isVerified(account(OUTSIDER))).isFalse();
            assertThat(token.isFrozen(account(OUTSIDER))).isFalse();
            assertThat(token.paused()).isFalse();
        }
    }

    @Nested
    class Agents {

        @Test
        void the_owner_appoints_a_settlement_agent() {
            String newAgent = freshAddress();

            TransactionReceipt receipt = token.addSettlementAgent(newAgent);

            assertThat(token.isSettlementAgent(newAgent)).isTrue();
            assertThat(token.isComplianceAgent(newAgent)).isFalse();
            assertThat(token.eventsIn(receipt)).containsExactly(new SettlementAgentAdded(newAgent));
        }

        @Test
        void the_owner_appoints_a_compliance_agent_and_removes_it() {
            String newAgent = freshAddress();

            TransactionReceipt added = token.addComplianceAgent(newAgent);
            assertThat(token.isComplianceAgent(newAgent)).isTrue();
            assertThat(token.isSettlementAgent(newAgent)).isFalse();
            TransactionReceipt removed = token.removeComplianceAgent(newAgent);

            assertThat(token.isComplianceAgent(newAgent)).isFalse();
            assertThat(token.eventsIn(added)).containsExactly(new ComplianceAgentAdded(newAgent));
            assertThat(token.eventsIn(removed)).containsExactly(new ComplianceAgentRemoved(newAgent));
        }

        @Test
        void the_owner_removes_a_settlement_agent_who_is_then_refused_with_NotSettlementAgent() {
            TransactionReceipt receipt = token.removeSettlementAgent(account(RETIRING_AGENT));

            assertThat(token.isSettlementAgent(account(RETIRING_AGENT))).isFalse();
            assertThat(token.eventsIn(receipt)).containsExactly(new SettlementAgentRemoved(account(RETIRING_AGENT)));
            assertThat(refusal(() -> as(RETIRING_AGENT).forcedTransfer(account(TREASURY), account(BOB), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotSettlementAgent", List.of(account(RETIRING_AGENT)));
        }

        @Test
        void refuses_an_appointment_by_an_outsider_with_NotOwner() {
            assertThat(refusal(() -> as(OUTSIDER).addSettlementAgent(account(OUTSIDER))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotOwner", List.of(account(OUTSIDER)));
            assertThat(token.isSettlementAgent(account(OUTSIDER))).isFalse();
        }

        @Test
        void refuses_an_agent_of_either_role_appointing_or_removing_agents_with_NotOwner() {
            for (int agent : new int[] {SETTLEMENT, COMPLIANCE}) {
                assertThat(refusal(() -> as(agent).addSettlementAgent(freshAddress())))
                        .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                        .containsExactly("NotOwner", List.of(account(agent)));
                assertThat(refusal(() -> as(agent).addComplianceAgent(account(agent))))
                        .extracting(ContractRefusal::errorName)
                        .isEqualTo("NotOwner");
                assertThat(refusal(() -> as(agent).removeSettlementAgent(account(SETTLEMENT))))
                        .extracting(ContractRefusal::errorName)
                        .isEqualTo("NotOwner");
                assertThat(refusal(() -> as(agent).removeComplianceAgent(account(COMPLIANCE))))
                        .extracting(ContractRefusal::errorName)
                        .isEqualTo("NotOwner");
            }
        }

        @Test
        void refuses_the_zero_address_as_an_agent_with_ZeroAddress() {
            assertThat(refusal(() -> token.addSettlementAgent(ZERO_ADDRESS)).errorName())
                    .isEqualTo("ZeroAddress");
            assertThat(refusal(() -> token.addComplianceAgent(ZERO_ADDRESS)).errorName())
                    .isEqualTo("ZeroAddress");
        }
    }

    /** The split of powers: the settlement key, which a running service holds, can only force transfers. */
    @Nested
    class Least_privilege {

        @Test
        void the_settlement_agent_cannot_mint_with_NotOwner() {
            BigInteger supply = token.totalSupply();

            assertThat(refusal(() -> as(SETTLEMENT).mint(account(ALICE), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotOwner", List.of(account(SETTLEMENT)));
            assertThat(token.totalSupply()).isEqualTo(supply);
        }

        @Test
        void the_settlement_agent_cannot_whitelist_freeze_or_pause_with_NotComplianceAgent() {
            List<ThrowingCallable> compliancePowers = List.of(
                    () -> as(SETTLEMENT).setVerified(freshAddress(), true),
                    () -> as(SETTLEMENT).setAddressFrozen(account(ALICE), true),
                    () -> as(SETTLEMENT).pause());

            compliancePowers.forEach(call -> assertThat(refusal(call))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotComplianceAgent", List.of(account(SETTLEMENT))));
            assertThat(token.isFrozen(account(ALICE))).isFalse();
            assertThat(token.paused()).isFalse();
        }

        @Test
        void a_mined_mint_signed_with_the_settlement_key_reverts_and_creates_nothing() throws Exception {
            BigInteger supply = token.totalSupply();

            TransactionReceipt receipt = signAndSend(
                    SETTLEMENT,
                    FunctionEncoder.encode(AssetTokenFunctions.mint(account(ALICE), tokens(1_000_000))),
                    AssetTokenGasProvider.CALL_GAS_LIMIT);

            assertThat(receipt.isStatusOK()).isFalse();
            assertThat(token.refusalOf(receipt))
                    .hasValueSatisfying(refusal -> assertThat(refusal)
                            .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                            .containsExactly("NotOwner", List.of(account(SETTLEMENT))));
            assertThat(token.totalSupply()).isEqualTo(supply);
        }

        @Test
        void the_compliance_agent_cannot_force_a_transfer_with_NotSettlementAgent() {
            BigInteger treasury = token.balanceOf(account(TREASURY));

            assertThat(refusal(() -> as(COMPLIANCE).forcedTransfer(account(TREASURY), account(BOB), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotSettlementAgent", List.of(account(COMPLIANCE)));
            assertThat(refusal(() -> as(COMPLIANCE)
                            .batchForcedTransfer(
                                    List.of(new ForcedTransfer(account(TREASURY), account(BOB), tokens(1))))))
                    .extracting(ContractRefusal::errorName)
                    .isEqualTo("NotSettlementAgent");
            assertThat(token.balanceOf(account(TREASURY))).isEqualTo(treasury);
        }

        @Test
        void the_compliance_agent_cannot_mint_with_NotOwner() {
            assertThat(refusal(() -> as(COMPLIANCE).mint(account(ALICE), tokens(1))))
                    .extracting(ContractRefusal::errorName)
                    .isEqualTo("NotOwner");
        }

        @Test
        void the_owner_cannot_whitelist_or_force_a_transfer_without_being_appointed() {
            assertThat(refusal(() -> token.setVerified(freshAddress(), true)).errorName())
                    .isEqualTo("NotComplianceAgent");
            assertThat(refusal(() -> token.forcedTransfer(account(TREASURY), account(BOB), tokens(1)))
                            .errorName())
                    .isEqualTo("NotSettlementAgent");
        }

        @Test
        void the_settlement_agent_still_settles() {
            BigInteger bobs = token.balanceOf(account(BOB));

            TransactionReceipt receipt = as(SETTLEMENT).forcedTransfer(account(TREASURY), account(BOB), tokens(1));

            assertThat(token.eventsIn(receipt))
                    .containsExactly(new Transfer(account(TREASURY), account(BOB), tokens(1)));
            assertThat(token.balanceOf(account(BOB))).isEqualTo(bobs.add(tokens(1)));
        }
    }

    @Nested
    class Kyc_whitelist {

        @Test
        void a_compliance_agent_whitelists_an_address_and_takes_it_off_again() {
            String investor = freshAddress();

            TransactionReceipt added = as(COMPLIANCE).setVerified(investor, true);
            assertThat(token.isVerified(investor)).isTrue();
            TransactionReceipt removed = as(COMPLIANCE).setVerified(investor, false);

            assertThat(token.isVerified(investor)).isFalse();
            assertThat(token.eventsIn(added))
                    .containsExactly(new VerificationUpdated(investor, true, account(COMPLIANCE)));
            assertThat(token.eventsIn(removed))
                    .containsExactly(new VerificationUpdated(investor, false, account(COMPLIANCE)));
        }

        @Test
        void refuses_an_outsider_with_NotComplianceAgent() {
            assertThat(refusal(() -> as(OUTSIDER).setVerified(account(OUTSIDER), true)))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotComplianceAgent", List.of(account(OUTSIDER)));
            assertThat(token.isVerified(account(OUTSIDER))).isFalse();
        }

        @Test
        void refuses_the_zero_address_with_ZeroAddress() {
            assertThat(refusal(() -> as(COMPLIANCE).setVerified(ZERO_ADDRESS, true))
                            .errorName())
                    .isEqualTo("ZeroAddress");
        }
    }

    @Nested
    class Freezing {

        @Test
        void a_compliance_agent_freezes_an_address_and_unfreezes_it() {
            String investor = freshAddress();

            TransactionReceipt frozen = as(COMPLIANCE).setAddressFrozen(investor, true);
            assertThat(token.isFrozen(investor)).isTrue();
            TransactionReceipt unfrozen = as(COMPLIANCE).setAddressFrozen(investor, false);

            assertThat(token.isFrozen(investor)).isFalse();
            assertThat(token.eventsIn(frozen)).containsExactly(new FreezeUpdated(investor, true, account(COMPLIANCE)));
            assertThat(token.eventsIn(unfrozen))
                    .containsExactly(new FreezeUpdated(investor, false, account(COMPLIANCE)));
        }

        @Test
        void refuses_an_outsider_with_NotComplianceAgent() {
            assertThat(refusal(() -> as(OUTSIDER).setAddressFrozen(account(ALICE), true)))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotComplianceAgent", List.of(account(OUTSIDER)));
            assertThat(token.isFrozen(account(ALICE))).isFalse();
        }

        @Test
        void refuses_the_zero_address_with_ZeroAddress() {
            assertThat(refusal(() -> as(COMPLIANCE).setAddressFrozen(ZERO_ADDRESS, true))
                            .errorName())
                    .isEqualTo("ZeroAddress");
        }
    }

    @Nested
    class Minting {

        @Test
        void the_owner_mints_to_a_verified_address() {
            BigInteger supply = token.totalSupply();
            BigInteger bobs = token.balanceOf(account(BOB));

            TransactionReceipt receipt = token.mint(account(BOB), tokens(25));

            assertThat(token.totalSupply()).isEqualTo(supply.add(tokens(25)));
            assertThat(token.balanceOf(account(BOB))).isEqualTo(bobs.add(tokens(25)));
            assertThat(token.eventsIn(receipt)).containsExactly(new Transfer(ZERO_ADDRESS, account(BOB), tokens(25)));
        }

        @Test
        void refuses_an_outsider_with_NotOwner() {
            assertThat(refusal(() -> as(OUTSIDER).mint(account(ALICE), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotOwner", List.of(account(OUTSIDER)));
        }

        @Test
        void refuses_an_address_that_is_not_verified_with_NotVerified() {
            assertThat(refusal(() -> token.mint(account(CAROL), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotVerified", List.of(account(CAROL)));
        }

        @Test
        void refuses_a_frozen_address_with_AddressFrozen() {
            assertThat(refusal(() -> token.mint(account(DAVE), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("AddressFrozen", List.of(account(DAVE)));
        }

        @Test
        void refuses_a_zero_amount_with_ZeroAmount() {
            assertThat(refusal(() -> token.mint(account(ALICE), BigInteger.ZERO))
                            .errorName())
                    .isEqualTo("ZeroAmount");
        }

        @Test
        void refuses_the_zero_address_with_ZeroAddress() {
            assertThat(refusal(() -> token.mint(ZERO_ADDRESS, tokens(1))).errorName())
                    .isEqualTo("ZeroAddress");
        }
    }

    @Nested
    class Holder_transfers {

        @Test
        void move_tokens_between_verified_addresses() {
            BigInteger alices = token.balanceOf(account(ALICE));
            BigInteger bobs = token.balanceOf(account(BOB));
            BigInteger supply = token.totalSupply();

            TransactionReceipt receipt = as(ALICE).transfer(account(BOB), tokens(7));

            assertThat(token.balanceOf(account(ALICE))).isEqualTo(alices.subtract(tokens(7)));
            assertThat(token.balanceOf(account(BOB))).isEqualTo(bobs.add(tokens(7)));
            assertThat(token.totalSupply()).isEqualTo(supply);
            assertThat(token.eventsIn(receipt)).containsExactly(new Transfer(account(ALICE), account(BOB), tokens(7)));
        }

        @Test
        void refuse_a_sender_that_is_not_verified_with_NotVerified() {
            ContractRefusal refusal = refusal(() -> as(CAROL).transfer(account(BOB), tokens(1)));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotVerified", List.of(account(CAROL)));
            assertThat(refusal.transferReason(account(CAROL), account(BOB)))
                    .isEqualTo("Sender address is not verified");
        }

        @Test
        void refuse_a_recipient_that_is_not_verified_with_NotVerified() {
            String stranger = freshAddress();

            ContractRefusal refusal = refusal(() -> as(ALICE).transfer(stranger, tokens(1)));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotVerified", List.of(stranger));
            assertThat(refusal.transferReason(account(ALICE), stranger)).isEqualTo("Recipient address is not verified");
        }

        @Test
        void refuse_a_frozen_sender_with_AddressFrozen() {
            ContractRefusal refusal = refusal(() -> as(DAVE).transfer(account(BOB), tokens(1)));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("AddressFrozen", List.of(account(DAVE)));
            assertThat(refusal.transferReason(account(DAVE), account(BOB))).isEqualTo("Sender address is frozen");
        }

        @Test
        void refuse_a_frozen_recipient_with_AddressFrozen() {
            ContractRefusal refusal = refusal(() -> as(ALICE).transfer(account(DAVE), tokens(1)));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("AddressFrozen", List.of(account(DAVE)));
            assertThat(refusal.transferReason(account(ALICE), account(DAVE))).isEqualTo("Recipient address is frozen");
        }

        @Test
        void refuse_more_than_the_balance_with_InsufficientBalance() {
            BigInteger alices = token.balanceOf(account(ALICE));
            BigInteger tooMany = alices.add(BigInteger.ONE);

            assertThat(refusal(() -> as(ALICE).transfer(account(BOB), tooMany)))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("InsufficientBalance", List.of(account(ALICE), alices, tooMany));
            assertThat(token.balanceOf(account(ALICE))).isEqualTo(alices);
        }

        @Test
        void refuse_a_zero_amount_with_ZeroAmount() {
            assertThat(refusal(() -> as(ALICE).transfer(account(BOB), BigInteger.ZERO))
                            .errorName())
                    .isEqualTo("ZeroAmount");
        }

        @Test
        void refuse_the_zero_address_with_ZeroAddress() {
            assertThat(refusal(() -> as(ALICE).transfer(ZERO_ADDRESS, tokens(1)))
                            .errorName())
                    .isEqualTo("ZeroAddress");
        }
    }

    @Nested
    class Forced_transfers {

        @Test
        void let_a_settlement_agent_move_tokens_from_the_treasury_to_a_verified_buyer() {
            BigInteger treasury = token.balanceOf(account(TREASURY));
            BigInteger bobs = token.balanceOf(account(BOB));

            TransactionReceipt receipt = as(SETTLEMENT).forcedTransfer(account(TREASURY), account(BOB), tokens(12));

            assertThat(token.balanceOf(account(TREASURY))).isEqualTo(treasury.subtract(tokens(12)));
            assertThat(token.balanceOf(account(BOB))).isEqualTo(bobs.add(tokens(12)));
            assertThat(token.eventsIn(receipt))
                    .containsExactly(new Transfer(account(TREASURY), account(BOB), tokens(12)));
        }

        @Test
        void let_a_settlement_agent_recover_tokens_from_a_frozen_holder() {
            BigInteger daves = token.balanceOf(account(DAVE));

            as(SETTLEMENT).forcedTransfer(account(DAVE), account(ALICE), tokens(1));

            assertThat(token.balanceOf(account(DAVE))).isEqualTo(daves.subtract(tokens(1)));
        }

        @Test
        void refuse_a_recipient_that_is_not_whitelisted_with_NotVerified() {
            ContractRefusal refusal =
                    refusal(() -> as(SETTLEMENT).forcedTransfer(account(TREASURY), account(CAROL), tokens(1)));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotVerified", List.of(account(CAROL)));
            assertThat(refusal.transferReason(account(TREASURY), account(CAROL)))
                    .isEqualTo("Recipient address is not verified");
        }

        @Test
        void refuse_a_frozen_recipient_with_AddressFrozen() {
            ContractRefusal refusal =
                    refusal(() -> as(SETTLEMENT).forcedTransfer(account(TREASURY), account(DAVE), tokens(1)));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("AddressFrozen", List.of(account(DAVE)));
            assertThat(refusal.transferReason(account(TREASURY), account(DAVE)))
                    .isEqualTo("Recipient address is frozen");
        }

        @Test
        void refuse_a_sender_that_is_not_whitelisted_with_NotVerified() {
            assertThat(refusal(() -> as(SETTLEMENT).forcedTransfer(account(CAROL), account(BOB), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotVerified", List.of(account(CAROL)));
        }

        @Test
        void refuse_more_than_the_sender_holds_with_InsufficientBalance() {
            BigInteger treasury = token.balanceOf(account(TREASURY));
            BigInteger tooMany = treasury.add(BigInteger.ONE);

            assertThat(refusal(() -> as(SETTLEMENT).forcedTransfer(account(TREASURY), account(BOB), tooMany)))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("InsufficientBalance", List.of(account(TREASURY), treasury, tooMany));
        }

        @Test
        void refuse_an_outsider_with_NotSettlementAgent() {
            assertThat(refusal(() -> as(OUTSIDER).forcedTransfer(account(TREASURY), account(OUTSIDER), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotSettlementAgent", List.of(account(OUTSIDER)));
        }

        @Test
        void refuse_a_holder_forcing_their_own_tokens_with_NotSettlementAgent() {
            assertThat(refusal(() -> as(ALICE).forcedTransfer(account(ALICE), account(BOB), tokens(1))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotSettlementAgent", List.of(account(ALICE)));
        }

        @Test
        void refuse_a_zero_amount_with_ZeroAmount() {
            assertThat(refusal(() -> as(SETTLEMENT).forcedTransfer(account(TREASURY), account(BOB), BigInteger.ZERO))
                            .errorName())
                    .isEqualTo("ZeroAmount");
        }

        @Test
        void refuse_the_zero_address_on_either_side_with_ZeroAddress() {
            assertThat(refusal(() -> as(SETTLEMENT).forcedTransfer(ZERO_ADDRESS, account(BOB), tokens(1)))
                            .errorName())
                    .isEqualTo("ZeroAddress");
            assertThat(refusal(() -> as(SETTLEMENT).forcedTransfer(account(TREASURY), ZERO_ADDRESS, tokens(1)))
                            .errorName())
                    .isEqualTo("ZeroAddress");
        }
    }

    /** ERC-3643's batch: each transfer checked as a forced transfer is, all of them or none. */
    @Nested
    class Batch_forced_transfers {

        @Test
        void move_every_transfer_in_one_transaction_with_a_transfer_event_each() {
            String newBuyer = freshAddress();
            as(COMPLIANCE).setVerified(newBuyer, true);
            BigInteger treasury = token.balanceOf(account(TREASURY));
            BigInteger bobs = token.balanceOf(account(BOB));
            BigInteger alices = token.balanceOf(account(ALICE));
            List<ForcedTransfer> batch = List.of(
                    new ForcedTransfer(account(TREASURY), account(BOB), tokens(2)),
                    new ForcedTransfer(account(TREASURY), account(ALICE), tokens(3)),
                    new ForcedTransfer(account(TREASURY), newBuyer, tokens(4)),
                    new ForcedTransfer(account(TREASURY), account(BOB), tokens(5)));

            TransactionReceipt receipt = as(SETTLEMENT).batchForcedTransfer(batch);

            assertThat(token.eventsIn(receipt))
                    .containsExactly(
                            new Transfer(account(TREASURY), account(BOB), tokens(2)),
                            new Transfer(account(TREASURY), account(ALICE), tokens(3)),
                            new Transfer(account(TREASURY), newBuyer, tokens(4)),
                            new Transfer(account(TREASURY), account(BOB), tokens(5)));
            assertThat(token.balanceOf(account(TREASURY))).isEqualTo(treasury.subtract(tokens(14)));
            assertThat(token.balanceOf(account(BOB))).isEqualTo(bobs.add(tokens(7)));
            assertThat(token.balanceOf(account(ALICE))).isEqualTo(alices.add(tokens(3)));
            assertThat(token.balanceOf(newBuyer)).isEqualTo(tokens(4));
        }

        @Test
        void fit_the_gas_limit_sized_for_them_even_when_every_buyer_is_new() {
            List<ForcedTransfer> batch = IntStream.range(0, 20)
                    .mapToObj(i -> freshAddress())
                    .peek(buyer -> as(COMPLIANCE).setVerified(buyer, true))
                    .map(buyer -> new ForcedTransfer(account(TREASURY), buyer, tokens(1)))
                    .toList();

            TransactionReceipt receipt = as(SETTLEMENT).batchForcedTransfer(batch);

            assertThat(receipt.isStatusOK()).isTrue();
            assertThat(receipt.getGasUsed()).isLessThan(AssetTokenGasProvider.batchGasLimit(20));
            assertThat(token.eventsIn(receipt)).hasSize(20);
        }

        @Test
        void revert_as_a_whole_with_the_refused_transfers_own_error_and_move_nothing() {
            BigInteger treasury = token.balanceOf(account(TREASURY));
            BigInteger bobs = token.balanceOf(account(BOB));
            List<ForcedTransfer> batch = List.of(
                    new ForcedTransfer(account(TREASURY), account(BOB), tokens(2)),
                    new ForcedTransfer(account(TREASURY), account(DAVE), tokens(1)),
                    new ForcedTransfer(account(TREASURY), account(CAROL), tokens(1)));

            ContractRefusal refusal = refusal(() -> as(SETTLEMENT).batchForcedTransfer(batch));

            assertThat(refusal)
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("AddressFrozen", List.of(account(DAVE)));
            assertThat(refusal.transferReason(account(TREASURY), account(DAVE)))
                    .isEqualTo("Recipient address is frozen");
            assertThat(token.balanceOf(account(TREASURY))).isEqualTo(treasury);
            assertThat(token.balanceOf(account(BOB))).isEqualTo(bobs);
        }

        @Test
        void refuse_arrays_of_different_lengths_with_BatchLengthMismatch() throws Exception {
            Function mismatched = new Function(
                    "batchForcedTransfer",
                    List.of(
                            new DynamicArray<>(
                                    Address.class, new Address(account(TREASURY)), new Address(account(TREASURY))),
                            new DynamicArray<>(Address.class, new Address(account(BOB))),
                            new DynamicArray<>(Uint256.class, new Uint256(tokens(1)))),
                    List.of());

            EthCall simulation = web3j().ethCall(
                            org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                                    account(SETTLEMENT), token.address(), FunctionEncoder.encode(mismatched)),
                            DefaultBlockParameterName.LATEST)
                    .send();

            assertThat(ContractRefusal.decode(simulation.getError().getData()))
                    .hasValueSatisfying(refusal -> assertThat(refusal)
                            .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                            .containsExactly(
                                    "BatchLengthMismatch", List.of(BigInteger.TWO, BigInteger.ONE, BigInteger.ONE)));
        }

        @Test
        void refuse_an_outsider_with_NotSettlementAgent() {
            assertThat(refusal(() -> as(OUTSIDER)
                            .batchForcedTransfer(
                                    List.of(new ForcedTransfer(account(TREASURY), account(OUTSIDER), tokens(1))))))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotSettlementAgent", List.of(account(OUTSIDER)));
        }
    }

    /** The blockchain service signs forced transfers itself with fixed nonces; the facade only encodes and explains. */
    @Nested
    class Raw_settlement_transactions {

        @Test
        void move_tokens_with_the_encoded_forced_transfer_call() throws Exception {
            BigInteger alices = token.balanceOf(account(ALICE));

            TransactionReceipt receipt = signAndSend(
                    SETTLEMENT, AssetTokenContract.encodeForcedTransfer(account(TREASURY), account(ALICE), tokens(3)));

            assertThat(receipt.isStatusOK()).isTrue();
            assertThat(token.balanceOf(account(ALICE))).isEqualTo(alices.add(tokens(3)));
            assertThat(token.eventsIn(receipt))
                    .containsExactly(new Transfer(account(TREASURY), account(ALICE), tokens(3)));
        }

        @Test
        void that_the_contract_refuses_are_mined_as_failed_and_explained_by_the_facade() throws Exception {
            BigInteger treasury = token.balanceOf(account(TREASURY));

            TransactionReceipt receipt = signAndSend(
                    SETTLEMENT, AssetTokenContract.encodeForcedTransfer(account(TREASURY), account(DAVE), tokens(3)));

            assertThat(receipt.isStatusOK()).isFalse();
            assertThat(token.refusalOf(receipt)).hasValueSatisfying(refusal -> {
                assertThat(refusal.errorName()).isEqualTo("AddressFrozen");
                assertThat(refusal.arguments()).containsExactly(account(DAVE));
                assertThat(refusal.transferReason(account(TREASURY), account(DAVE)))
                        .isEqualTo("Recipient address is frozen");
            });
            assertThat(token.balanceOf(account(TREASURY))).isEqualTo(treasury);
        }

        @Test
        void of_a_batch_that_is_refused_are_mined_as_failed_and_explained_by_the_facade() throws Exception {
            BigInteger treasury = token.balanceOf(account(TREASURY));
            List<ForcedTransfer> batch = List.of(
                    new ForcedTransfer(account(TREASURY), account(ALICE), tokens(1)),
                    new ForcedTransfer(account(TREASURY), account(CAROL), tokens(1)));

            TransactionReceipt receipt = signAndSend(
                    SETTLEMENT,
                    AssetTokenContract.encodeBatchForcedTransfer(batch),
                    AssetTokenGasProvider.batchGasLimit(2));

            assertThat(receipt.isStatusOK()).isFalse();
            assertThat(token.refusalOf(receipt))
                    .hasValueSatisfying(refusal -> assertThat(refusal)
                            .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                            .containsExactly("NotVerified", List.of(account(CAROL))));
            assertThat(token.balanceOf(account(TREASURY))).isEqualTo(treasury);
        }
    }

    /** Pausing is global, so these rules get a token of their own; alice is its treasury. */
    @Nested
    class Pausing {

        private static AssetTokenContract pausable;

        @BeforeAll
        static void deployATokenToPause() {
            pausable = new AssetTokenDeployment(web3j(), signer(DEPLOYER), signer(COMPLIANCE), gas())
                    .deploy(new TokenSpec(
                            "Lotus Park Bengaluru",
                            "LOTS",
                            account(ALICE),
                            tokens(1_000),
                            List.of(account(SETTLEMENT)),
                            List.of(account(COMPLIANCE)),
                            List.of(account(BOB))));
        }

        @Test
        void a_compliance_agent_pauses_and_unpauses_holder_transfers() {
            TransactionReceipt paused = pausableAs(COMPLIANCE).pause();
            assertThat(pausable.paused()).isTrue();
            TransactionReceipt unpaused = pausableAs(COMPLIANCE).unpause();

            assertThat(pausable.paused()).isFalse();
            assertThat(pausable.eventsIn(paused)).containsExactly(new Paused(account(COMPLIANCE)));
            assertThat(pausable.eventsIn(unpaused)).containsExactly(new Unpaused(account(COMPLIANCE)));
            assertThat(pausableAs(ALICE).transfer(account(BOB), tokens(1)).isStatusOK())
                    .isTrue();
        }

        @Test
        void refuses_unpausing_a_token_that_is_not_paused_with_TokenNotPaused() {
            assertThat(refusal(() -> pausableAs(COMPLIANCE).unpause()).errorName())
                    .isEqualTo("TokenNotPaused");
        }

        @Test
        void refuses_an_outsider_pausing_with_NotComplianceAgent() {
            assertThat(refusal(() -> pausableAs(OUTSIDER).pause()))
                    .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                    .containsExactly("NotComplianceAgent", List.of(account(OUTSIDER)));
        }

        @Nested
        class While_paused {

            @BeforeAll
            static void pause() {
                pausableAs(COMPLIANCE).pause();
            }

            @AfterAll
            static void unpause() {
                pausableAs(COMPLIANCE).unpause();
            }

            @Test
            void refuses_holder_transfers_with_TokenPaused() {
                ContractRefusal refusal = refusal(() -> pausableAs(ALICE).transfer(account(BOB), tokens(1)));

                assertThat(refusal.errorName()).isEqualTo("TokenPaused");
                assertThat(refusal.transferReason(account(ALICE), account(BOB)))
                        .isEqualTo("Token transfers are paused");
            }

            @Test
            void refuses_pausing_again_with_TokenPaused() {
                assertThat(refusal(() -> pausableAs(COMPLIANCE).pause()).errorName())
                        .isEqualTo("TokenPaused");
            }

            @Test
            void refuses_an_outsider_unpausing_with_NotComplianceAgent() {
                assertThat(refusal(() -> pausableAs(OUTSIDER).unpause()))
                        .extracting(ContractRefusal::errorName, ContractRefusal::arguments)
                        .containsExactly("NotComplianceAgent", List.of(account(OUTSIDER)));
                assertThat(pausable.paused()).isTrue();
            }

            @Test
            void still_lets_a_settlement_agent_force_a_transfer_as_ERC_3643_does() {
                BigInteger bobs = pausable.balanceOf(account(BOB));

                pausableAs(SETTLEMENT).forcedTransfer(account(ALICE), account(BOB), tokens(2));

                assertThat(pausable.balanceOf(account(BOB))).isEqualTo(bobs.add(tokens(2)));
            }
        }

        private static AssetTokenContract pausableAs(int devAccount) {
            return pausable.as(signer(devAccount));
        }
    }
}
