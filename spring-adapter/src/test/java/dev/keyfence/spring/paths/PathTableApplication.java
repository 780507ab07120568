package dev.keyfence.spring.paths;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A resource server protected by Keyfence's auto-configuration alone, answering every GET. */
@SpringBootApplication
public class PathTableApplication {
    @RestController
    static class Everything {
        @GetMapping("/**")
        String ok() {
            return "ok";
        }
    }
}
