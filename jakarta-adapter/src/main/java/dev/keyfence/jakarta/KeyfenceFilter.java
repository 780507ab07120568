package dev.keyfence.jakarta;

import dev.keyfence.ConfigurationException;
import dev.keyfence.Credential;
import dev.keyfence.CredentialPolicy;
import dev.keyfence.NamedResource;
import dev.keyfence.PathRoute;
import dev.keyfence.TokenValidator;
import dev.keyfence.Verdict;
import dev.keyfence.jakarta.internal.AuthenticatedRequest;
import dev.keyfence.jakarta.internal.FilterSettings;
import dev.keyfence.jakarta.internal.ServletExchange;
import dev.keyfence.jakarta.internal.SharedValidators;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jakarta Servlet filter that lets a request through only with a bearer token Keyfence accepts,
 * and answers every other request per RFC 6750: 401 with a bare {@code Bearer} challenge when no
 * token was sent, 401 {@code error="invalid_token", error_description="<REASON_CODE>"} for a
 * rejected token, 400 {@code error="invalid_request"} for a malformed header or more than one
 * credential. An accepted request reaches the application with a {@link KeyfencePrincipal} as
 * {@code getUserPrincipal()} and the {@link dev.keyfence.VerifiedToken} in the request attribute
 * {@link #VERIFIED_TOKEN_ATTRIBUTE}. Credentials are found and answered by core's
 * {@link CredentialPolicy}, as in the Spring adapter; a sender-constrained token is checked against
 * the request's TLS client certificate (RFC 8705) or its {@code DPoP} proof (RFC 9449).
 *
 * <p>Configured by the init parameter {@value #CONFIG} (else the system property of the same
 * name) naming the YAML file of the contract, or in code with {@link #KeyfenceFilter(TokenValidator)}.
 * The file's {@code ledger:} section may instead be given by the init parameters
 * {@code keyfence.ledger.*} ({@value #LEDGER_DIRECTORY}, or {@value #LEDGER_JDBC_URL} with
 * {@value #LEDGER_USERNAME} and {@value #LEDGER_PASSWORD_ENV}); filters with different ledgers
 * never share a validator.
 * A bad configuration fails {@link #init} with a {@link ServletException} whose message names the
 * setting.
 *
 * <p>The {@code resources:} path profiles of the file (or of the given validator, see
 * {@link TokenValidator#forPath}) decide which resource checks each request: the first profile
 * whose {@code paths} match the path within the application, else the default {@code resource:}.
 * A request whose path servers could route in more than one way ({@code ..;/}, {@code //},
 * {@code %2e}, {@code %2F}, {@code ;params}, a case or trailing-slash near miss of a pattern)
 * gets 400 {@code error="invalid_request"} and never reaches the application.
 *
 * <pre>{@code
 * TokenValidator validator = TokenValidator.fromConfig(Path.of("keyfence.yaml"));
 * context.addFilter("keyfence", new KeyfenceFilter(validator)).addMappingForUrlPatterns(null, false, "/api/*");
 * }</pre>
 */
public final class KeyfenceFilter implements Filter {
    /** Request attribute holding the {@link dev.keyfence.VerifiedToken} of an accepted request. */
    public static final String VERIFIED_TOKEN_ATTRIBUTE = "dev.keyfence.jakarta.VerifiedToken";
    /** What {@code getAuthType()} returns for a request the filter authenticated. */
    public static final String AUTH_TYPE = "BEARER";
    /** Init parameter and system property: path of the YAML configuration file. */
    public static final String CONFIG = FilterSettings.CONFIG;
    /** Init parameter: name of a profile in the configuration's {@code resources:} section. */
    public static final String RESOURCE = FilterSettings.RESOURCE;
    /** Init parameter: the {@code realm} of every challenge (none by default). */
    public static final String REALM = FilterSettings.REALM;
    /** Init parameter {@code true}: accept {@code access_token} in the query string (RFC 6750 2.3; discouraged). */
    public static final String ALLOW_QUERY_TOKEN = FilterSettings.ALLOW_QUERY_TOKEN;
    /** Init parameter {@code true}: accept {@code access_token} in a form-encoded POST body (RFC 6750 2.2). */
    public static final String ALLOW_FORM_TOKEN = FilterSettings.ALLOW_FORM_TOKEN;
    /** Init parameter: the embedded key ledger's directory (the file's {@code ledger.directory}; relative to the file). */
    public static final String LEDGER_DIRECTORY = "keyfence.ledger.directory";
    /** Init parameter: the database key ledger's JDBC URL (the file's {@code ledger.jdbc-url}). */
    public static final String LEDGER_JDBC_URL = "keyfence.ledger.jdbc-url";
    /** Init parameter: the database key ledger's user (the file's {@code ledger.username}). */
    public static final String LEDGER_USERNAME = "keyfence.ledger.username";
    /** Init parameter: the environment variable holding the ledger database's password (the file's {@code ledger.password-env}). */
    public static final String LEDGER_PASSWORD_ENV = "keyfence.ledger.password-env";

    private static final Logger LOG = LoggerFactory.getLogger(KeyfenceFilter.class);

    private final Optional<TokenValidator> given;
    private volatile @Nullable Guard guard;

    private record Guard(TokenValidator validator, CredentialPolicy credentials) {}

    /** A filter configured by init parameters or the {@value #CONFIG} system property (for {@code web.xml}). */
    public KeyfenceFilter() {
        this.given = Optional.empty();
    }

    /**
     * A filter enforcing this validator and its path profiles (a validator from
     * {@link TokenValidator#fromConfig} carries the file's {@code resources:}); share one validator
     * between filters, each with its own {@link TokenValidator#forResource resource}. The init parameters {@value #CONFIG} and
     * {@value #RESOURCE} are then refused; the others apply.
     */
    public KeyfenceFilter(TokenValidator validator) {
        this.given = Optional.of(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Reads the configuration and builds the validator.
     *
     * @throws ServletException whose message starts with the offending setting's name when the
     *                          configuration cannot be used; the filter then never lets a request through
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            FilterSettings settings = FilterSettings.read(filterConfig);
            TokenValidator validator = validator(settings, filterConfig);
            guard = new Guard(validator, settings.credentialPolicy());
        } catch (ConfigurationException e) {
            throw new ServletException(e.getMessage(), e);
        }
    }

    private TokenValidator validator(FilterSettings settings, FilterConfig filterConfig) {
        if (given.isPresent()) {
            if (filterConfig.getInitParameter(CONFIG) != null) {
                throw new ConfigurationException(CONFIG, "not allowed: this filter was given a TokenValidator");
            }
            if (settings.resource().isPresent()) {
                throw new ConfigurationException(
                        RESOURCE, "not allowed: this filter was given a TokenValidator (use validator.forResource)");
            }
            if (!settings.ledger().isEmpty()) {
                throw new ConfigurationException(
                        FilterSettings.ledgerParameter(
                                settings.ledger().keySet().iterator().next()),
                        "not allowed: this filter was given a TokenValidator (give its policy the ledger)");
            }
            return given.get();
        }
        String name = settings.configFile()
                .orElseThrow(() -> new ConfigurationException(
                        CONFIG,
                        "required: set the init parameter or the system property to the YAML configuration file"));
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(CONFIG, "not a file path");
        }
        SharedValidators.Loaded loaded = SharedValidators.forFile(filterConfig.getServletContext(), file, settings);
        if (settings.resource().isEmpty()) {
            return loaded.validator();
        }
        String wanted = settings.resource().get();
        NamedResource profile = loaded.config().resources().stream()
                .filter(r -> r.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException(
                        RESOURCE,
                        "no profile '" + wanted + "' in the resources: "
                                + "section of " + file + " (profiles: "
                                + loaded.config().resources().stream()
                                        .map(NamedResource::name)
                                        .collect(Collectors.joining(", ", "[", "]"))
                                + ")"));
        return loaded.validator().forResource(profile.resource());
    }

    /** Lets the request through only with an accepted bearer token; answers every other request itself. */
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Guard g = guard;
        if (g == null) {
            throw new ServletException("KeyfenceFilter is not initialised");
        }
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("KeyfenceFilter protects HTTP requests only");
        }
        Credential credential = ServletExchange.credential(g.credentials(), request);
        if (credential instanceof Credential.Refused refused) {
            LOG.debug("refused request: {}", refused.description());
            ServletExchange.write(response, g.credentials().invalidRequest(refused.description()));
            return;
        }
        if (!(credential instanceof Credential.Present present)) {
            ServletExchange.write(response, g.credentials().missing());
            return;
        }
        PathRoute route =
                g.validator().forRequest(request.getRequestURI(), request.getContextPath(), routedPath(request));
        if (!(route instanceof PathRoute.Matched matched)) {
            String problem = ((PathRoute.Refused) route).problem();
            LOG.debug("refused request: {}", problem);
            ServletExchange.write(response, g.credentials().invalidRequest("ambiguous request path"));
            return;
        }
        Verdict verdict =
                matched.validator().validate(present.token(), ServletExchange.context(request, present.dpopScheme()));
        if (verdict instanceof Verdict.Rejected rejected) {
            LOG.debug("rejected token {}: {}", rejected.fingerprint(), rejected.reason());
            ServletExchange.write(response, g.credentials().invalidToken(rejected.reason()));
            return;
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        request.setAttribute(VERIFIED_TOKEN_ATTRIBUTE, accepted.token());
        chain.doFilter(new AuthenticatedRequest(request, new KeyfencePrincipal(accepted.token()), AUTH_TYPE), response);
    }

    private static String routedPath(HttpServletRequest request) {
        String path = Objects.requireNonNullElse(request.getServletPath(), "")
                + Objects.requireNonNullElse(request.getPathInfo(), "");
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public void destroy() {
        guard = null;
    }
}
