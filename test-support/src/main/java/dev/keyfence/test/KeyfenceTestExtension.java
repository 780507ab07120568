package dev.keyfence.test;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one {@link TestIdentityProvider} per test class, injected into test and lifecycle
 * method parameters, closed after the class.
 *
 * <pre>{@code
 * @ExtendWith(KeyfenceTestExtension.class)
 * class TokenTest {
 *     @Test
 *     void acceptsEnterpriseToken(TestIdentityProvider idp) { ... idp.token().mint() ... }
 * }
 * }</pre>
 *
 * <p>Or {@code @RegisterExtension static final KeyfenceTestExtension keyfence = new KeyfenceTestExtension();}
 * and {@code keyfence.idp()}, e.g. in a Spring {@code @DynamicPropertySource} method.
 */
public final class KeyfenceTestExtension implements ParameterResolver, AfterAllCallback {
    private @Nullable TestIdentityProvider idp;

    /** The identity provider, started on first use. */
    public synchronized TestIdentityProvider idp() {
        if (idp == null) {
            idp = TestIdentityProvider.start();
        }
        return idp;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestIdentityProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return idp();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (idp != null && context.getParent().map(p -> p.getParent().isEmpty()).orElse(true)) {
            idp.close();
            idp = null;
        }
    }
}
