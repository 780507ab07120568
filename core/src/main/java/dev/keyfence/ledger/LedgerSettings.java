package dev.keyfence.ledger;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ledger:} section of the configuration file: either an embedded ledger in a
 * {@code directory}, or a database at {@code jdbc-url} with an optional {@code username} and the
 * name of the environment variable holding the password ({@code password-env}); the password
 * itself is never part of the settings.
 */
public final class LedgerSettings {
    private final Optional<Path> directory;
    private final Optional<String> jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> passwordEnv;

    private LedgerSettings(
            Optional<Path> directory,
            Optional<String> jdbcUrl,
            Optional<String> username,
            Optional<String> passwordEnv) {
        this.directory = directory;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.passwordEnv = passwordEnv;
    }

    /** An embedded ledger in {@code directory}. */
    public static LedgerSettings directory(Path directory) {
        return new LedgerSettings(
                Optional.of(Objects.requireNonNull(directory, "directory")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A database ledger; {@code passwordEnv} names the environment variable holding the password. */
    public static LedgerSettings jdbc(String jdbcUrl, Optional<String> username, Optional<String> passwordEnv) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new LedgerSettings(
                Optional.empty(),
                Optional.of(jdbcUrl),
                Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(passwordEnv, "passwordEnv"));
    }

    /** The embedded ledger's directory, for {@code ledger.directory}. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The database URL, for {@code ledger.jdbc-url}. */
    public Optional<String> jdbcUrl() {
        return jdbcUrl;
    }

    /** The database user, for {@code ledger.username}. */
    public Optional<String> username() {
        return username;
    }

    /** The name of the environment variable holding the database password, for {@code ledger.password-env}. */
    public Optional<String> passwordEnv() {
        return passwordEnv;
    }

    @Override
    public String toString() {
        return directory
                .map(d -> "ledger directory " + d)
                .orElseGet(() -> "ledger " + LedgerUrls.redact(jdbcUrl.orElse("")));
    }
}
