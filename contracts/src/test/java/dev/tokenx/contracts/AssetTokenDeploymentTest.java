package dev.tokenx.contracts;

import static dev.tokenx.contracts.TestChain.account;
import static dev.tokenx.contracts.TestChain.freshAddress;
import static dev.tokenx.contracts.TestChain.gas;
import static dev.tokenx.contracts.TestChain.signer;
import static dev.tokenx.contracts.TestChain.tokens;
import static dev.tokenx.contracts.TestChain.web3j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.contracts.AssetTokenDeployment.TokenSpec;
import dev.tokenx.testkit.WithAnvil;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithAnvil
class AssetTokenDeploymentTest {

    private static final int DEPLOYER = 0;
    private static final int COMPLIANCE_AGENT = 3;
    private static final int SETTLEMENT_AGENT = 9;

    private final AssetTokenDeployment deployment =
            new AssetTokenDeployment(web3j(), signer(DEPLOYER), signer(COMPLIANCE_AGENT), gas());

    @Nested
    class Deploying_a_token {

        @Test
        void mints_the_supply_to_the_treasury_and_whitelists_the_treasury_and_the_given_addresses() {
            String treasury = freshAddress();
            String alice = account(1);
            String notListed = account(2);

            AssetTokenContract token = deployment.deploy(new TokenSpec(
                    "Harbour View Kochi",
                    "HRBV",
                    treasury,
                    tokens(50_000),
                    List.of(account(SETTLEMENT_AGENT)),
                    List.of(account(COMPLIANCE_AGENT)),
                    // the treasury listed again is whitelisted once, not refused
                    List.of(alice.toLowerCase(), treasury)));

            assertThat(token.name()).isEqualTo("Harbour View Kochi");
            assertThat(token.symbol()).isEqualTo("HRBV");
            assertThat(token.totalSupply()).isEqualTo(tokens(50_000));
            assertThat(token.balanceOf(treasury)).isEqualTo(tokens(50_000));
            assertThat(token.isVerified(treasury)).isTrue();
            assertThat(token.isVerified(alice)).isTrue();
            assertThat(token.isVerified(notListed)).isFalse();
        }

        @Test
        void makes_the_deployer_the_owner_without_an_agent_role_and_appoints_each_agent_to_its_role_only() {
            AssetTokenContract token = deployment.deploy(new TokenSpec(
                    "Cedar Heights Pune",
                    "CEDR",
                    freshAddress(),
                    tokens(10),
                    List.of(account(SETTLEMENT_AGENT)),
                    List.of(account(COMPLIANCE_AGENT)),
                    List.of()));

            assertThat(token.owner()).isEqualTo(account(DEPLOYER));
            assertThat(token.isSettlementAgent(account(DEPLOYER))).isFalse();
            assertThat(token.isComplianceAgent(account(DEPLOYER))).isFalse();
            assertThat(token.isSettlementAgent(account(SETTLEMENT_AGENT))).isTrue();
            assertThat(token.isComplianceAgent(account(SETTLEMENT_AGENT))).isFalse();
            assertThat(token.isComplianceAgent(account(COMPLIANCE_AGENT))).isTrue();
            assertThat(token.isSettlementAgent(account(COMPLIANCE_AGENT))).isFalse();
        }

        @Test
        void fails_with_the_contract_refusal_when_a_set_up_step_is_refused() {
            TokenSpec zeroAgent = new TokenSpec(
                    "Broken",
                    "BRKN",
                    freshAddress(),
                    tokens(1),
                    List.of("0x0000000000000000000000000000000000000000"),
                    List.of(account(COMPLIANCE_AGENT)),
                    List.of());

            assertThatThrownBy(() -> deployment.deploy(zeroAgent))
                    .isInstanceOfSatisfying(
                            ContractRefusal.class,
                            refusal -> assertThat(refusal.errorName()).isEqualTo("ZeroAddress"));
        }

        @Test
        void refuses_to_whitelist_as_an_account_the_spec_does_not_appoint_to_compliance() {
            TokenSpec otherCompliance = new TokenSpec(
                    "Orphan",
                    "ORPH",
                    freshAddress(),
                    tokens(1),
                    List.of(),
                    List.of(account(SETTLEMENT_AGENT)),
                    List.of());

            assertThatThrownBy(() -> deployment.deploy(otherCompliance))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(account(COMPLIANCE_AGENT))
                    .hasMessageContaining("not among the compliance agents");
        }
    }

    @Nested
    class A_token_spec {

        @Test
        void needs_at_least_one_token_of_supply() {
            assertThatThrownBy(() -> new TokenSpec(
                            "Empty", "EMPT", freshAddress(), BigInteger.ZERO, List.of(), List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("supply");
        }
    }
}
