package dev.keyfence.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A resource server protected by Keyfence through auto-configuration alone: no security code.
 * Run it with {@code java -Dkeyfence.config=keyfence.yaml -jar spring-resource-server.jar --server.port=8080}.
 */
@SpringBootApplication
public class SpringResourceServer {
    public static void main(String[] args) {
        SpringApplication.run(SpringResourceServer.class, args);
    }
}
