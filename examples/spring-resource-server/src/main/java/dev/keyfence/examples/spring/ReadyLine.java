package dev.keyfence.examples.spring;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints {@code listening on PORT} once the application's own server accepts requests: the one
 * line scripts wait for. A separate management server ({@code management.server.port}) has a
 * server namespace and prints nothing.
 */
@Component
class ReadyLine implements ApplicationListener<WebServerInitializedEvent> {
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        System.out.println("listening on " + event.getWebServer().getPort());
        System.out.flush();
    }
}
