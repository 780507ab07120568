package dev.keyfence.examples.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Cloud Gateway routing {@code /api/**} to a backend, protected by Keyfence through
 * auto-configuration alone: a request reaches the backend only with a token Keyfence accepts.
 * Run it with {@code java -Dkeyfence.config=keyfence.yaml -jar gateway.jar --backend.uri=http://127.0.0.1:8081 --server.port=8080}.
 */
@SpringBootApplication
public class KeyfenceGateway {
    public static void main(String[] args) {
        SpringApplication.run(KeyfenceGateway.class, args);
    }
}
