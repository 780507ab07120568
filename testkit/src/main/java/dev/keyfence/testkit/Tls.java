package dev.keyfence.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * TLS on 127.0.0.1 for RFC 8705 tests: a server key store, a trust store of client certificates,
 * and HTTPS clients that present a chosen client certificate (or none). The servers ask for a
 * client certificate without requiring one, and the clients trust the test server's certificate.
 */
public final class Tls {
    /** The password of every in-memory key store. */
    public static final char[] PASSWORD = "changeit".toCharArray();

    private Tls() {}

    /** A client identity: a key and its self-signed certificate. */
    public record Identity(TestKey key, X509Certificate certificate) {
        /** A fresh RSA identity valid around now. */
        public static Identity create(String name) {
            TestKey key = TestKey.rsa(name);
            Instant now = Instant.now();
            return new Identity(
                    key,
                    Certificates.selfSigned(
                            key.keyPair(), name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
        }

        /** Writes {@link #keyStore()} as a PKCS12 file (password {@link Tls#PASSWORD}), e.g. for {@code server.ssl.key-store}. */
        public java.nio.file.Path writeKeyStore(java.nio.file.Path file) {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                keyStore().store(out, PASSWORD);
                return file;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot write a key store", e);
            }
        }

        /** A key store holding this identity under the alias {@code key}. */
        public KeyStore keyStore() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", key.privateKey(), PASSWORD, new X509Certificate[] {certificate});
                return store;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot build a key store", e);
            }
        }
    }

    /** A trust store holding these client certificates: the CAs of a test server's client authentication. */
    public static KeyStore trustStore(List<Identity> clients) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < clients.size(); i++) {
                store.setCertificateEntry("client-" + i, clients.get(i).certificate());
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /** Writes {@link #trustStore(List)} as a PKCS12 file (password {@link #PASSWORD}). */
    public static java.nio.file.Path writeTrustStore(List<Identity> clients, java.nio.file.Path file) {
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            trustStore(clients).store(out, PASSWORD);
            return file;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write a trust store", e);
        }
    }

    /** A reply over HTTPS: status, the {@code WWW-Authenticate} challenge, body and every header. */
    public record Reply(
            int status, Optional<String> challenge, String body, java.util.Map<String, List<String>> headers) {}

    /** GET over HTTPS presenting {@code client} (or no certificate), with these headers as name/value pairs. */
    public static Reply get(int port, String path, Optional<Identity> client, List<String[]> headers) {
        return send(port, "GET", path, client, headers, Optional.empty());
    }

    /**
     * Any request over HTTPS presenting {@code client} (or no certificate), with these headers as
     * name/value pairs and, when given, a form-encoded body.
     */
    public static Reply send(
            int port,
            String method,
            String path,
            Optional<Identity> client,
            List<String[]> headers,
            Optional<String> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path));
        if (form.isPresent()) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form.get()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        headers.forEach(h -> b.header(h[0], h[1]));
        try {
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(clientContext(client))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(),
                    r.headers().firstValue("WWW-Authenticate"),
                    r.body(),
                    r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends {@code head} (request line and header lines, each without line end) byte for byte over
     * TLS without a client certificate, with {@code Connection: close} added, and returns the raw
     * answer: for requests an HTTP client would refuse or rewrite (a chosen {@code Host}, {@code //}
     * or {@code ;} in the path).
     */
    public static String raw(int port, List<String> head) {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket)
                clientContext(Optional.empty()).getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder();
            head.forEach(line -> request.append(line).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContext clientContext(Optional<Identity> client) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            javax.net.ssl.KeyManager[] keys = null;
            if (client.isPresent()) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(client.get().keyStore(), PASSWORD);
                keys = new javax.net.ssl.KeyManager[] {
                    new PresentAlways((javax.net.ssl.X509KeyManager) factory.getKeyManagers()[0])
                };
            }
            context.init(keys, new javax.net.ssl.TrustManager[] {new TrustTestServer()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a client TLS context", e);
        }
    }

    /**
     * Presents the client certificate whatever issuers the server names (servers list their trusted
     * CAs even when they do not check the client certificate's issuer; ours is self-signed).
     */
    private static final class PresentAlways extends javax.net.ssl.X509ExtendedKeyManager {
        private final javax.net.ssl.X509KeyManager keys;

        PresentAlways(javax.net.ssl.X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, Socket socket) {
            return "key";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, SSLEngine engine) {
            return "key";
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[] {"key"};
        }

        @Override
        public String @Nullable [] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public @Nullable String chooseServerAlias(String keyType, java.security.Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    /** Trusts the test server's self-signed certificate (tests only: the server is ours, on 127.0.0.1). */
    private static final class TrustTestServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
