package org.trustrepair.advisor.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard ({@code application/*}, {@code *}, {@code text/*}) with
 * 415 problem+json. Such a header matches {@code consumes = application/json}, and then Spring fails to read it with an
 * IllegalArgumentException that ends as a 500; the API fuzz test found it over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConcreteContentType {

    @Bean
    FilterRegistrationBean<WildcardFilter> concreteContentTypeFilter(MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(
                new WildcardFilter(BadRequests.of(meters, URI.create("/problems/unsupported-media-type"))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class WildcardFilter extends OncePerRequestFilter {

        private final Counter refused;

        WildcardFilter(Counter refused) {
            this.refused = refused;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isWildcard(request.getContentType())) {
                refused.increment();
                response.setStatus(415);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter()
                        .write("{\"type\":\"/problems/unsupported-media-type\",\"title\":\"Send a concrete "
                                + "content type\",\"status\":415,\"detail\":\"The Content-Type of a request cannot be a wildcard. Send "
                                + "the answers as application/json.\"}");
                return;
            }
            chain.doFilter(request, response);
        }

        /** A type or subtype of {@code *}, before any parameters. */
        static boolean isWildcard(String contentType) {
            if (contentType == null) {
                return false;
            }
            int semicolon = contentType.indexOf(';');
            String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
            return mediaType.indexOf('*') >= 0;
        }
    }
}
