package dev.tokenx.contracts;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.AbiTypes;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Keys;

/**
 * The AssetToken contract refused a call with one of its custom errors ({@link AssetTokenError}); the
 * arguments are the error's, decoded: addresses as checksummed strings, {@code uint256} as {@link
 * BigInteger}. A refusal is permanent: the same call fails the same way until the contract's state
 * changes, so it is not worth retrying.
 */
public final class ContractRefusal extends AssetTokenException {

    private static final int SELECTOR_LENGTH = "0x12345678".length();

    private final AssetTokenError error;
    private final List<Object> arguments;

    ContractRefusal(AssetTokenError error, List<Object> arguments) {
        super(error.errorName() + arguments.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"))
                + ": " + describe(error, arguments));
        this.error = error;
        this.arguments = List.copyOf(arguments);
    }

    /**
     * Decodes the revert data of a call or transaction (0x-prefixed hex, as a node returns it in the
     * {@code data} of an execution-reverted error, quoted or not).
     *
     * @return the refusal, or empty when the data is not one of AssetToken's custom errors (a panic,
     *     out of gas, another contract)
     */
    public static Optional<ContractRefusal> decode(String revertData) {
        if (revertData == null) {
            return Optional.empty();
        }
        String hex = revertData.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!hex.startsWith("0x") || hex.length() < SELECTOR_LENGTH) {
            return Optional.empty();
        }
        return AssetTokenError.bySelector(hex.substring(0, SELECTOR_LENGTH))
                .flatMap(error -> decodeArguments(error, hex.substring(SELECTOR_LENGTH)));
    }

    public AssetTokenError error() {
        return error;
    }

    /** The Solidity name of the error, for example {@code AddressFrozen}. */
    public String errorName() {
        return error.errorName();
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The address the error names, for the errors that name one (the caller or the account). */
    public Optional<String> account() {
        return arguments.isEmpty() || !(arguments.getFirst() instanceof String address)
                ? Optional.empty()
                : Optional.of(address);
    }

    /** A human reason that names the addresses, for example "Address 0x70…79C8 is frozen". */
    public String reason() {
        return describe(error, arguments);
    }

    /**
     * A human reason for a refused transfer that says which side broke the rule, for example "Recipient
     * address is frozen" (what a user is told when a settlement fails).
     */
    public String transferReason(String from, String to) {
        Optional<String> side = account().flatMap(account -> sideOf(account, from, to));
        return switch (error) {
            case NOT_VERIFIED -> side.map(s -> s + " address is not verified").orElseGet(this::reason);
            case ADDRESS_FROZEN -> side.map(s -> s + " address is frozen").orElseGet(this::reason);
            case INSUFFICIENT_BALANCE ->
                "Sender holds " + arguments.get(1) + " tokens, " + arguments.get(2) + " needed";
            case TOKEN_PAUSED -> "Token transfers are paused";
            default -> reason();
        };
    }

    private static Optional<String> sideOf(String account, String from, String to) {
        if (account.equalsIgnoreCase(to)) {
            return Optional.of("Recipient");
        }
        return account.equalsIgnoreCase(from) ? Optional.of("Sender") : Optional.empty();
    }

    private static String describe(AssetTokenError error, List<Object> arguments) {
        return switch (error) {
            case NOT_OWNER -> "Caller " + arguments.get(0) + " is not the token owner";
            case NOT_SETTLEMENT_AGENT -> "Caller " + arguments.get(0) + " is not a settlement agent of the token";
            case NOT_COMPLIANCE_AGENT -> "Caller " + arguments.get(0) + " is not a compliance agent of the token";
            case NOT_VERIFIED -> "Address " + arguments.get(0) + " is not verified";
            case ADDRESS_FROZEN -> "Address " + arguments.get(0) + " is frozen";
            case TOKEN_PAUSED -> "Token is paused";
            case TOKEN_NOT_PAUSED -> "Token is not paused";
            case INSUFFICIENT_BALANCE ->
                "Address " + arguments.get(0) + " holds " + arguments.get(1) + " tokens, " + arguments.get(2)
                        + " needed";
            case ZERO_ADDRESS -> "Address must not be the zero address";
            case ZERO_AMOUNT -> "Amount must be greater than zero";
            case BATCH_LENGTH_MISMATCH ->
                "A batch needs as many senders, recipients and amounts: got " + arguments.get(0) + ", "
                        + arguments.get(1) + " and " + arguments.get(2);
        };
    }

    @SuppressWarnings("rawtypes")
    private static Optional<ContractRefusal> decodeArguments(AssetTokenError error, String encodedArguments) {
        List<TypeReference<Type>> types = error.parameterTypes().stream()
                .map(ContractRefusal::typeReference)
                .toList();
        List<Type> values;
        try {
            values = FunctionReturnDecoder.decode(encodedArguments, types);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        if (values.size() != types.size()) {
            return Optional.empty();
        }
        List<Object> arguments = values.stream().map(ContractRefusal::toJava).toList();
        return Optional.of(new ContractRefusal(error, arguments));
    }

    @SuppressWarnings("unchecked")
    private static TypeReference<Type> typeReference(String solidityType) {
        return TypeReference.create((Class<Type>) AbiTypes.getType(solidityType));
    }

    @SuppressWarnings("rawtypes")
    private static Object toJava(Type value) {
        return value instanceof Address address ? Keys.toChecksumAddress(address.getValue()) : value.getValue();
    }
}
