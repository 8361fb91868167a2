package dev.tokenx.contracts;

import java.io.IOException;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.ManagedTransaction;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractEIP1559GasProvider;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Sends transactions through the caller's {@link TransactionManager}, as legacy or EIP-1559
 * transactions depending on the gas provider, the way web3j's own contract wrappers do. It extends
 * {@link ManagedTransaction} only because that is web3j's public way to wait for a receipt with the
 * transaction manager's own receipt processor (whose waiting methods are protected).
 */
final class Transactor extends ManagedTransaction {

    private final ContractGasProvider gasProvider;

    Transactor(Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider) {
        super(web3j, transactionManager);
        this.gasProvider = gasProvider;
    }

    Web3j web3j() {
        return web3j;
    }

    ContractGasProvider gasProvider() {
        return gasProvider;
    }

    String fromAddress() {
        return transactionManager.getFromAddress();
    }

    /**
     * Sends a transaction and waits for its receipt as the transaction manager's receipt processor does.
     *
     * @param to the contract, or {@code null} to deploy {@code data}
     */
    TransactionReceipt execute(String to, String data) throws IOException, TransactionException {
        BigInteger gasLimit = gasLimit(to, data);
        boolean constructor = to == null;
        if (gasProvider instanceof ContractEIP1559GasProvider eip1559) {
            return sendEIP1559(
                    eip1559.getChainId(),
                    to,
                    data,
                    BigInteger.ZERO,
                    gasLimit,
                    eip1559.getMaxPriorityFeePerGas(),
                    eip1559.getMaxFeePerGas(),
                    constructor);
        }
        return send(to, data, BigInteger.ZERO, gasProvider.getGasPrice(), gasLimit, constructor);
    }

    /** Sends a transaction to {@code to} without waiting for it to be mined; returns its hash. */
    String submit(String to, String data) throws IOException {
        BigInteger gasLimit = gasLimit(to, data);
        EthSendTransaction sent = gasProvider instanceof ContractEIP1559GasProvider eip1559
                ? transactionManager.sendEIP1559Transaction(
                        eip1559.getChainId(),
                        eip1559.getMaxPriorityFeePerGas(),
                        eip1559.getMaxFeePerGas(),
                        gasLimit,
                        to,
                        data,
                        BigInteger.ZERO)
                : transactionManager.sendTransaction(gasProvider.getGasPrice(), gasLimit, to, data, BigInteger.ZERO);
        if (sent.hasError()) {
            throw new AssetTokenException("The node refused the transaction to " + to + ": "
                    + sent.getError().getMessage());
        }
        return sent.getTransactionHash();
    }

    private BigInteger gasLimit(String to, String data) {
        String from = fromAddress();
        Transaction transaction = to == null
                ? Transaction.createContractTransaction(from, null, null, data)
                : Transaction.createFunctionCallTransaction(from, null, null, null, to, data);
        return gasProvider.getGasLimit(transaction);
    }
}
