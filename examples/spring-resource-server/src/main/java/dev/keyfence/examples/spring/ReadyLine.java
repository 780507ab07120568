package dev.keyfence.examples.spring;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints {@code listening on PORT} once the server accepts requests: the line scripts wait for. */
@Component
class ReadyLine implements ApplicationListener<WebServerInitializedEvent> {
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        System.out.println("listening on " + event.getWebServer().getPort());
        System.out.flush();
    }
}
