package org.trustrepair.advisor.system;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limit on every request that sends something (POST and the other unsafe methods: the API's answers
 * and the questionnaire's forms); pages, styles and health checks are not limited. Past the limit: 429 with
 * {@code Retry-After} in seconds and a problem+json body (a short page for a browser's form post).
 *
 * <p>The client is {@code request.getRemoteAddr()}. Behind a proxy or load balancer every request comes from the
 * proxy: set {@code server.forward-headers-strategy=native} (or {@code framework}) and let only the proxy set
 * {@code X-Forwarded-For}, or the limit applies to all clients together.
 *
 * <p>Runs after Spring Security, so the refusal carries the same security headers as every other response. Each
 * refusal counts in {@value #RATE_LIMITED} ({@code advisor_rate_limited_total}), with no tag: never the client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimiting {

    static final String RATE_LIMITED = "advisor.rate.limited";

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitSettings settings, MeterRegistry meters) {
        Counter refused = Counter.builder(RATE_LIMITED)
                .description("Requests refused by the per-client rate limit (429)")
                .register(meters);
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(settings, refused));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setEnabled(settings.enabled());
        return registration;
    }

    static final class RateLimitFilter extends OncePerRequestFilter {

        private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

        private final boolean enabled;
        private final int requestsPerMinute;
        private final ClientBuckets buckets;
        private final Counter refused;

        RateLimitFilter(RateLimitSettings settings, Counter refused) {
            this.refused = refused;
            this.enabled = settings.enabled();
            this.requestsPerMinute = settings.requestsPerMinute();
            this.buckets = new ClientBuckets(settings.requestsPerMinute(), settings.maxClients());
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !enabled || SAFE_METHODS.contains(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ConsumptionProbe probe = buckets.forClient(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                chain.doFilter(request, response);
            } else {
                tooMany(
                        request,
                        response,
                        Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
            }
        }

        private void tooMany(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
                throws IOException {
            refused.increment();
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setCharacterEncoding("UTF-8");
            if (wantsPage(request)) {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter()
                        .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many "
                                + "requests</title></head><body><h1>Too many requests</h1><p>Please wait "
                                + retryAfterSeconds
                                + " seconds, then go back and send the page again.</p></body></html>");
                return;
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"/problems/too-many-requests\",\"title\":\"Too many requests\","
                            + "\"status\":429,\"detail\":\"More than " + requestsPerMinute
                            + " requests a minute came from this "
                            + "address. Try again in " + retryAfterSeconds + " seconds.\",\"retryAfterSeconds\":"
                            + retryAfterSeconds + "}");
        }

        /** A browser posting a form asks for HTML first; API clients ask for JSON or nothing in particular. */
        private static boolean wantsPage(HttpServletRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept != null
                    && accept.contains(MediaType.TEXT_HTML_VALUE)
                    && !request.getRequestURI().startsWith("/api/");
        }
    }
}
