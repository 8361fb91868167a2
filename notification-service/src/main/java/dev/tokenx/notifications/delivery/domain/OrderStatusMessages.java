package dev.tokenx.notifications.delivery.domain;

/**
 * The sentence a user reads for each step of an order (ARCHITECTURE.md, "The user sees"): Order accepted, Executing on
 * blockchain, Confirming n/m, Trade completed, or Failed with the reason and the refund.
 */
public final class OrderStatusMessages {

    private OrderStatusMessages() {}

    /**
     * @param status the order's new status; one this service does not know yet is shown as it is, so a new status
     *     reaches the user instead of being dropped
     */
    public static String describe(String status, Integer confirmations, Integer requiredConfirmations, String reason) {
        return switch (status) {
            case "ACCEPTED" -> "Order accepted — funds reserved";
            case "SETTLING" -> "Executing on blockchain";
            case "CONFIRMING" -> confirming(confirmations, requiredConfirmations);
            case "COMPLETED" -> "Trade completed";
            case "FAILED" -> failed(reason);
            default -> "Order status: " + status;
        };
    }

    private static String confirming(Integer confirmations, Integer requiredConfirmations) {
        if (confirmations == null || requiredConfirmations == null) {
            return "Confirming on blockchain";
        }
        return "Confirming " + confirmations + "/" + requiredConfirmations;
    }

    private static String failed(String reason) {
        if (reason == null || reason.isBlank()) {
            return "Failed — funds released";
        }
        return "Failed: " + reason.strip() + " — funds released";
    }
}
