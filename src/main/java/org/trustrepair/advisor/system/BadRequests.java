package org.trustrepair.advisor.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;

/**
 * The meter of requests refused as bad, tagged with the problem type and nothing else (never a field, never a value
 * sent): {@code advisor_bad_requests_total{problem="invalid-answers"}} in Prometheus. The API's errors and the filters
 * that refuse a request before it reaches a controller (size, content type) count here.
 */
public final class BadRequests {

    public static final String METER = "advisor.bad.requests";

    private BadRequests() {}

    /** The counter of one problem type, named by the last segment of its type URI ({@code /problems/too-large}). */
    public static Counter of(MeterRegistry meters, URI type) {
        String path = type.getPath();
        return Counter.builder(METER)
                .description("Requests refused as bad, by problem type")
                .tag("problem", path.substring(path.lastIndexOf('/') + 1))
                .register(meters);
    }
}
