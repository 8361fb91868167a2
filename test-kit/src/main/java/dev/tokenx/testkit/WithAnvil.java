package dev.tokenx.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes sure the shared anvil chain ({@link Infrastructure#anvil()}) runs before the test class
 * starts, and so before any Spring context of the class asks for its address.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AnvilExtension.class)
public @interface WithAnvil {}
