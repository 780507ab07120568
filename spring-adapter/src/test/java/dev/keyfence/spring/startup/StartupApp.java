package dev.keyfence.spring.startup;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An empty Spring Boot application: what Keyfence's auto-configuration alone does at startup. */
@SpringBootApplication
public class StartupApp {}
