package dev.tokenx.contracts;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** The functions of AssetToken.sol as web3j {@link Function}s: names and types must match the ABI (a test checks). */
final class AssetTokenFunctions {

    private AssetTokenFunctions() {}

    static Function name() {
        return view("name", List.of(), Utf8String.class);
    }

    static Function symbol() {
        return view("symbol", List.of(), Utf8String.class);
    }

    static Function decimals() {
        return view("decimals", List.of(), Uint8.class);
    }

    static Function totalSupply() {
        return view("totalSupply", List.of(), Uint256.class);
    }

    static Function owner() {
        return view("owner", List.of(), Address.class);
    }

    static Function paused() {
        return view("paused", List.of(), Bool.class);
    }

    static Function balanceOf(String account) {
        return view("balanceOf", List.of(new Address(account)), Uint256.class);
    }

    static Function isSettlementAgent(String account) {
        return view("isSettlementAgent", List.of(new Address(account)), Bool.class);
    }

    static Function isComplianceAgent(String account) {
        return view("isComplianceAgent", List.of(new Address(account)), Bool.class);
    }

    static Function isVerified(String account) {
        return view("isVerified", List.of(new Address(account)), Bool.class);
    }

    static Function isFrozen(String account) {
        return view("isFrozen", List.of(new Address(account)), Bool.class);
    }

    static Function addSettlementAgent(String agent) {
        return write("addSettlementAgent", new Address(agent));
    }

    static Function removeSettlementAgent(String agent) {
        return write("removeSettlementAgent", new Address(agent));
    }

    static Function addComplianceAgent(String agent) {
        return write("addComplianceAgent", new Address(agent));
    }

    static Function removeComplianceAgent(String agent) {
        return write("removeComplianceAgent", new Address(agent));
    }

    static Function setVerified(String account, boolean verified) {
        return write("setVerified", new Address(account), new Bool(verified));
    }

    static Function setAddressFrozen(String account, boolean frozen) {
        return write("setAddressFrozen", new Address(account), new Bool(frozen));
    }

    static Function pause() {
        return write("pause");
    }

    static Function unpause() {
        return write("unpause");
    }

    static Function mint(String to, BigInteger amount) {
        return write("mint", new Address(to), new Uint256(amount));
    }

    static Function transfer(String to, BigInteger amount) {
        return write("transfer", new Address(to), new Uint256(amount));
    }

    static Function forcedTransfer(String from, String to, BigInteger amount) {
        return write("forcedTransfer", new Address(from), new Address(to), new Uint256(amount));
    }

    static Function batchForcedTransfer(List<ForcedTransfer> transfers) {
        return write(
                "batchForcedTransfer",
                new DynamicArray<>(
                        Address.class,
                        transfers.stream()
                                .map(transfer -> new Address(transfer.from()))
                                .toList()),
                new DynamicArray<>(
                        Address.class,
                        transfers.stream()
                                .map(transfer -> new Address(transfer.to()))
                                .toList()),
                new DynamicArray<>(
                        Uint256.class,
                        transfers.stream()
                                .map(transfer -> new Uint256(transfer.amount()))
                                .toList()));
    }

    @SuppressWarnings("rawtypes")
    private static Function view(String name, List<Type> inputs, Class<? extends Type> output) {
        return new Function(name, inputs, List.of(TypeReference.create(output)));
    }

    @SuppressWarnings("rawtypes")
    private static Function write(String name, Type... inputs) {
        return new Function(name, List.of(inputs), List.of());
    }
}
