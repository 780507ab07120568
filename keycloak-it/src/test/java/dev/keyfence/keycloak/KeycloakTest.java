package dev.keyfence.keycloak;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the shared {@link KeycloakServer}; test methods, constructors and
 * lifecycle methods may declare {@link KeycloakServer} or {@link KeycloakAdmin} parameters.
 * See {@link KeycloakExtension} for when the class is skipped or fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("keycloak")
@ExtendWith(KeycloakExtension.class)
public @interface KeycloakTest {}
