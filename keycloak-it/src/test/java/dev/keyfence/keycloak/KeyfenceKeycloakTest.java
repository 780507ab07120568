package dev.keyfence.keycloak;

/**
 * The Keyfence scenario against the Keycloak distribution the harness runs without Docker (see
 * {@link KeycloakExtension} for when it is skipped or required).
 */
@KeycloakTest
class KeyfenceKeycloakTest extends KeyfenceScenario {

    @Override
    KeycloakAdmin keycloak() {
        return KeycloakServer.shared().admin();
    }
}
