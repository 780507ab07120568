package dev.keyfence.spring;

import dev.keyfence.DrillMaps;
import dev.keyfence.DrillReport;
import dev.keyfence.spring.internal.DrillService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actuator endpoint {@code keyfence-drill}: runs {@code keyfence drill} on the application's
 * own policy (a shadow with ephemeral keys; the real key sources are never contacted) and answers
 * the report: every attack with its verdict, reason and the controls that catch it alone, the
 * findings and notes. Off unless exposed
 * ({@code management.endpoints.web.exposure.include=keyfence-drill}); admin-only: a caller without
 * the authority {@code keyfence.drill.authority} (default {@value #DEFAULT_AUTHORITY}) gets 403.
 * Calls within {@code keyfence.drill.min-interval} of the last drill get its report.
 */
@Endpoint(id = "keyfence-drill")
public class KeyfenceDrillEndpoint {
    /** The authority a caller needs unless {@code keyfence.drill.authority} says otherwise. */
    public static final String DEFAULT_AUTHORITY = "SCOPE_keyfence.admin";

    private final DrillService drills;
    private final String authority;

    KeyfenceDrillEndpoint(DrillService drills, String authority) {
        this.drills = drills;
        this.authority = authority;
    }

    /**
     * The drill report (200), or 403 for a caller without the authority (read from Spring
     * Security's context of the request; a call without one, e.g. over JMX, is refused too).
     */
    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> drill() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null
                || !a.isAuthenticated()
                || a.getAuthorities().stream().noneMatch(g -> authority.equals(g.getAuthority()))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "forbidden");
            body.put("requiredAuthority", authority);
            return new WebEndpointResponse<>(body, 403);
        }
        DrillReport report = drills.current();
        return new WebEndpointResponse<>(DrillMaps.report(report), WebEndpointResponse.STATUS_OK);
    }
}
