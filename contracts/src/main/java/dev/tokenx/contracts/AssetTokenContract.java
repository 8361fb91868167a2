package dev.tokenx.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.JsonRpcError;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.EmptyTransactionReceipt;

/**
 * A typed facade over one deployed AssetToken contract (see {@code contracts/src/main/solidity/AssetToken.sol}),
 * acting as the account of its {@link TransactionManager}.
 *
 * <p>Views are {@code eth_call}s on the latest block. Each write is first simulated with {@code eth_call}
 * from the sender: a refusal is thrown as a {@link ContractRefusal} without spending gas or waiting for a
 * block. Otherwise the transaction is sent and its receipt awaited with the transaction manager's receipt
 * processor; a receipt that nevertheless failed (the state changed in between) is explained the same way
 * ({@link #refusalOf}). A receipt processor that does not wait ({@link EmptyTransactionReceipt}) gets its
 * empty receipt back unchecked.
 *
 * <p>Every failure is an unchecked {@link AssetTokenException}: a {@link ContractRefusal} for a broken
 * contract rule, otherwise one whose cause says what failed (an {@link IOException} when the node could not
 * be reached). Amounts are whole tokens: the contract has no decimals.
 */
public final class AssetTokenContract {

    private static final String BINARY = resource("AssetToken.bin");

    private final String address;
    private final Transactor transactor;
    private final TransactionReceipt deploymentReceipt;

    private AssetTokenContract(String address, Transactor transactor, TransactionReceipt deploymentReceipt) {
        this.address = Keys.toChecksumAddress(address);
        this.transactor = transactor;
        this.deploymentReceipt = deploymentReceipt;
    }

    /**
     * Deploys a new AssetToken; the sender becomes its owner, with no agent role. Needs a transaction
     * manager whose receipt processor waits for the receipt (it carries the new contract's address).
     */
    public static AssetTokenContract deploy(
            Web3j web3j,
            TransactionManager transactionManager,
            ContractGasProvider gasProvider,
            String name,
            String symbol) {
        Transactor transactor = new Transactor(web3j, transactionManager, gasProvider);
        String data = BINARY + FunctionEncoder.encodeConstructor(List.of(new Utf8String(name), new Utf8String(symbol)));
        TransactionReceipt receipt = execute(transactor, null, data, "deploy AssetToken " + symbol);
        if (receipt instanceof EmptyTransactionReceipt || receipt.getContractAddress() == null) {
            throw new AssetTokenException("Deploying AssetToken " + symbol
                    + " needs a transaction manager that waits for receipts: the receipt carries the contract address");
        }
        if (!receipt.isStatusOK()) {
            throw new AssetTokenException("Deploying AssetToken " + symbol + " failed in transaction "
                    + receipt.getTransactionHash() + " (status " + receipt.getStatus() + ", gas used "
                    + receipt.getGasUsed() + ")");
        }
        return new AssetTokenContract(receipt.getContractAddress(), transactor, receipt);
    }

    /** The AssetToken already deployed at {@code address}, used as the account of {@code transactionManager}. */
    public static AssetTokenContract load(
            String address, Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider) {
        Objects.requireNonNull(address, "address");
        return new AssetTokenContract(address, new Transactor(web3j, transactionManager, gasProvider), null);
    }

    /** The same contract, used as the account of another transaction manager. */
    public AssetTokenContract as(TransactionManager transactionManager) {
        return new AssetTokenContract(
                address, new Transactor(transactor.web3j(), transactionManager, transactor.gasProvider()), null);
    }

    /**
     * The call data of {@code forcedTransfer(from, to, amount)}, 0x-prefixed hex, for a caller that signs
     * and sends the transaction itself (to this contract's address, from an agent's account).
     */
    public static String encodeForcedTransfer(String from, String to, BigInteger amount) {
        return FunctionEncoder.encode(AssetTokenFunctions.forcedTransfer(from, to, amount));
    }

    /**
     * The call data of {@code batchForcedTransfer(from[], to[], amounts[])} for the transfers in order,
     * 0x-prefixed hex: one transaction that moves them all, or, if any is refused, reverts with that
     * transfer's own custom error and moves none.
     */
    public static String encodeBatchForcedTransfer(List<ForcedTransfer> transfers) {
        return FunctionEncoder.encode(AssetTokenFunctions.batchForcedTransfer(transfers));
    }

    /** The creation bytecode of AssetToken (without constructor arguments), 0x-prefixed hex. */
    public static String binary() {
        return BINARY;
    }

    /** The checksummed address of this contract. */
    public String address() {
        return address;
    }

    /** The receipt of the deployment, for a contract deployed by {@link #deploy}. */
    public Optional<TransactionReceipt> deploymentReceipt() {
        return Optional.ofNullable(deploymentReceipt);
    }

    public String name() {
        return (String) view(AssetTokenFunctions.name());
    }

    public String symbol() {
        return (String) view(AssetTokenFunctions.symbol());
    }

    /** Always 0: one token is one indivisible fraction of the asset. */
    public int decimals() {
        return ((BigInteger) view(AssetTokenFunctions.decimals())).intValueExact();
    }

    public BigInteger totalSupply() {
        return (BigInteger) view(AssetTokenFunctions.totalSupply());
    }

    public BigInteger balanceOf(String account) {
        return (BigInteger) view(AssetTokenFunctions.balanceOf(account));
    }

    /** The deployer, who alone mints and adds and removes agents. */
    public String owner() {
        return Keys.toChecksumAddress((String) view(AssetTokenFunctions.owner()));
    }

    public boolean paused() {
        return (Boolean) view(AssetTokenFunctions.paused());
    }

    /** Whether the account may force transfers (settle). */
    public boolean isSettlementAgent(String account) {
        return (Boolean) view(AssetTokenFunctions.isSettlementAgent(account));
    }

    /** Whether the account may whitelist, freeze and pause. */
    public boolean isComplianceAgent(String account) {
        return (Boolean) view(AssetTokenFunctions.isComplianceAgent(account));
    }

    /** Whether the account is on the KYC whitelist. */
    public boolean isVerified(String account) {
        return (Boolean) view(AssetTokenFunctions.isVerified(account));
    }

    public boolean isFrozen(String account) {
        return (Boolean) view(AssetTokenFunctions.isFrozen(account));
    }

    /** Owner only. */
    public TransactionReceipt addSettlementAgent(String agent) {
        return write(AssetTokenFunctions.addSettlementAgent(agent));
    }

    /** Owner only. */
    public TransactionReceipt removeSettlementAgent(String agent) {
        return write(AssetTokenFunctions.removeSettlementAgent(agent));
    }

    /** Owner only. */
    public TransactionReceipt addComplianceAgent(String agent) {
        return write(AssetTokenFunctions.addComplianceAgent(agent));
    }

    /** Owner only. */
    public TransactionReceipt removeComplianceAgent(String agent) {
        return write(AssetTokenFunctions.removeComplianceAgent(agent));
    }

    /** Compliance agent only: puts the account on the KYC whitelist, or takes it off. */
    public TransactionReceipt setVerified(String account, boolean verified) {
        return write(AssetTokenFunctions.setVerified(account, verified));
    }

    /** Compliance agent only. */
    public TransactionReceipt setAddressFrozen(String account, boolean frozen) {
        return write(AssetTokenFunctions.setAddressFrozen(account, frozen));
    }

    /** Compliance agent only: stops holders' transfers (the owner keeps minting, settlement agents forcing transfers). */
    public TransactionReceipt pause() {
        return write(AssetTokenFunctions.pause());
    }

    /** Compliance agent only. */
    public TransactionReceipt unpause() {
        return write(AssetTokenFunctions.unpause());
    }

    /** Owner only: creates tokens on a verified, unfrozen account. */
    public TransactionReceipt mint(String to, BigInteger amount) {
        return write(AssetTokenFunctions.mint(to, amount));
    }

    /** The sender's own transfer: both sides verified and unfrozen, the token not paused. */
    public TransactionReceipt transfer(String to, BigInteger amount) {
        return write(AssetTokenFunctions.transfer(to, amount));
    }

    /** Settlement agent only: moves tokens between verified accounts; the recipient must not be frozen. */
    public TransactionReceipt forcedTransfer(String from, String to, BigInteger amount) {
        return write(AssetTokenFunctions.forcedTransfer(from, to, amount));
    }

    /**
     * Settlement agent only: the transfers in one transaction, each checked as {@link #forcedTransfer} checks it; the
     * first refusal reverts them all (thrown as that transfer's {@link ContractRefusal}). Needs a gas limit
     * of {@link AssetTokenGasProvider#batchGasLimit} for the number of transfers.
     */
    public TransactionReceipt batchForcedTransfer(List<ForcedTransfer> transfers) {
        return write(AssetTokenFunctions.batchForcedTransfer(transfers));
    }

    /**
     * Why a mined transaction failed: replays its call on the state of its block and decodes the revert.
     * Works for any failed receipt, including transactions signed and sent outside this facade.
     *
     * @return the refusal, or empty when the receipt succeeded or the failure is not one of AssetToken's
     *     custom errors (out of gas, for example)
     */
    public Optional<ContractRefusal> refusalOf(TransactionReceipt receipt) {
        if (receipt.isStatusOK()) {
            return Optional.empty();
        }
        Web3j web3j = transactor.web3j();
        String hash = receipt.getTransactionHash();
        org.web3j.protocol.core.methods.response.Transaction sent = rpc(
                        web3j.ethGetTransactionByHash(hash), "read transaction " + hash)
                .getTransaction()
                .orElseThrow(() -> new AssetTokenException("The node does not know transaction " + hash));
        EthCall replay = rpc(
                web3j.ethCall(
                        Transaction.createEthCallTransaction(sent.getFrom(), sent.getTo(), sent.getInput()),
                        DefaultBlockParameter.valueOf(receipt.getBlockNumber())),
                "replay transaction " + hash);
        return replay.hasError() ? ContractRefusal.decode(replay.getError().getData()) : Optional.empty();
    }

    /** The AssetToken events this contract emitted in the receipt's transaction, in log order. */
    public List<AssetTokenEvent> eventsIn(TransactionReceipt receipt) {
        return receipt.getLogs().stream()
                .filter(log -> address.equalsIgnoreCase(log.getAddress()))
                .flatMap(log -> EventCodec.decode(log).stream())
                .toList();
    }

    /** Sends a write without simulating it or waiting for it (the caller awaits the hash). */
    String submit(Function function) {
        try {
            return transactor.submit(address, FunctionEncoder.encode(function));
        } catch (IOException e) {
            throw new AssetTokenException("Cannot reach the chain to send " + function.getName(), e);
        }
    }

    private Object view(Function function) {
        EthCall call = rpc(
                transactor
                        .web3j()
                        .ethCall(
                                Transaction.createEthCallTransaction(
                                        transactor.fromAddress(), address, FunctionEncoder.encode(function)),
                                DefaultBlockParameterName.LATEST),
                "call " + function.getName());
        if (call.hasError()) {
            throw new AssetTokenException("Calling " + function.getName() + " on " + address + " failed: "
                    + call.getError().getMessage());
        }
        @SuppressWarnings("rawtypes")
        List<Type> values = FunctionReturnDecoder.decode(call.getValue(), function.getOutputParameters());
        if (values.isEmpty()) {
            throw new AssetTokenException("No AssetToken answers at " + address + " (" + function.getName()
                    + " returned " + call.getValue() + ")");
        }
        return values.getFirst().getValue();
    }

    private TransactionReceipt write(Function function) {
        String data = FunctionEncoder.encode(function);
        EthCall simulation = rpc(
                transactor
                        .web3j()
                        .ethCall(
                                Transaction.createEthCallTransaction(transactor.fromAddress(), address, data),
                                DefaultBlockParameterName.LATEST),
                "simulate " + function.getName());
        if (simulation.hasError()) {
            throw ContractRefusal.decode(simulation.getError().getData())
                    .<AssetTokenException>map(refusal -> refusal)
                    .orElseGet(() -> new AssetTokenException(function.getName() + " on " + address + " would fail: "
                            + simulation.getError().getMessage()));
        }
        TransactionReceipt receipt = execute(transactor, address, data, function.getName());
        if (receipt instanceof EmptyTransactionReceipt || receipt.isStatusOK()) {
            return receipt;
        }
        throw refusalOf(receipt)
                .<AssetTokenException>map(refusal -> refusal)
                .orElseGet(() -> new AssetTokenException(function.getName() + " failed in transaction "
                        + receipt.getTransactionHash() + " (gas used " + receipt.getGasUsed() + ")"));
    }

    private static TransactionReceipt execute(Transactor transactor, String to, String data, String action) {
        try {
            return transactor.execute(to, data);
        } catch (IOException e) {
            throw new AssetTokenException("Cannot reach the chain to " + action, e);
        } catch (TransactionException e) {
            throw new AssetTokenException("No receipt for " + action + ": " + e.getMessage(), e);
        } catch (JsonRpcError e) {
            throw new AssetTokenException("The node refused to " + action + ": " + e.getMessage(), e);
        }
    }

    private static <T extends Response<?>> T rpc(Request<?, T> request, String action) {
        try {
            return request.send();
        } catch (IOException e) {
            throw new AssetTokenException("Cannot reach the chain to " + action, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = AssetTokenContract.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        name + " is missing from the class path: run scripts/compile-contracts.sh");
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return hex.startsWith("0x") ? hex : "0x" + hex;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
