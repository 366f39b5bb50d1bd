package org.trustrepair.advisor.system;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on what a request may carry: a body size (413 past it, with a problem+json body) and Jackson's read
 * constraints (nesting depth, string and number length), set explicitly rather than left to defaults.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(RequestLimitSettings.class)
public class RequestLimits {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer readConstraints() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(10_000)
                .maxNumberLength(20)
                .maxNameLength(200)
                .maxDocumentLength(64_000)
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(RequestLimitSettings settings, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeFilter(settings.maxBodyBytes(), BadRequests.of(meters, URI.create("/problems/too-large"))));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Refuses a body over the limit: at once by its declared length, or as soon as a streamed body passes it. */
    static final class BodySizeFilter extends OncePerRequestFilter {

        private final long maxBytes;
        private final Counter refused;

        BodySizeFilter(long maxBytes, Counter refused) {
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > maxBytes) {
                tooLarge(response);
                return;
            }
            LimitedRequest limited = new LimitedRequest(request, maxBytes);
            try {
                chain.doFilter(limited, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (limited.exceeded && !response.isCommitted()) {
                    response.reset();
                    tooLarge(response);
                    return;
                }
                throw e;
            }
            if (limited.exceeded && !response.isCommitted()) {
                response.reset();
                tooLarge(response);
            }
        }

        private void tooLarge(HttpServletResponse response) throws IOException {
            refused.increment();
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter()
                    .write("{\"type\":\"/problems/too-large\",\"title\":\"Request too large\",\"status\":413,"
                            + "\"detail\":\"The request body is larger than " + maxBytes
                            + " bytes.\",\"errors\":[{\"field\":\"body\","
                            + "\"message\":\"must be at most " + maxBytes + " bytes\"}]}");
        }
    }

    /** Thrown while reading a streamed body once it passes the limit; the API answers it with 413. */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private boolean exceeded;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        count += n;
                        if (count > max) {
                            exceeded = true;
                            throw new BodyTooLargeException(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
