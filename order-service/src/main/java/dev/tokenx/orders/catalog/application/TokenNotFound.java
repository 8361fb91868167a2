package dev.tokenx.orders.catalog.application;

/** No token is listed under the symbol an admin named. */
public final class TokenNotFound extends RuntimeException {

    public TokenNotFound(String symbol) {
        super("No token is listed under the symbol " + symbol + ".", null, false, false);
    }
}
