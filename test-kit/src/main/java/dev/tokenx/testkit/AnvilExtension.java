package dev.tokenx.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Behind {@link WithAnvil}. */
final class AnvilExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure.anvil();
    }
}
