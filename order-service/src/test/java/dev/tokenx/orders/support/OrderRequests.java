package dev.tokenx.orders.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for place-order, valid unless told otherwise: {@code aBuyRequest().of("MUMSEA").quantity(2)}. */
public final class OrderRequests {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private OrderRequests() {
        fields.put("tokenSymbol", "BLRTECH");
        fields.put("side", "BUY");
        fields.put("quantity", 1);
    }

    public static OrderRequests aBuyRequest() {
        return new OrderRequests();
    }

    public OrderRequests of(String tokenSymbol) {
        return with("tokenSymbol", tokenSymbol);
    }

    public OrderRequests quantity(Object quantity) {
        return with("quantity", quantity);
    }

    public OrderRequests limit(Object limitPrice) {
        return with("limitPrice", limitPrice);
    }

    public OrderRequests with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public OrderRequests without(String field) {
        fields.remove(field);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
