package org.trustrepair.advisor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every answer of the JSON API leaves the server in one piece: the answer is kept until it is complete, then sent
 * with its {@code Content-Length} in a single write to the socket (Tomcat's socket write buffer holds
 * {@value #SOCKET_WRITE_BUFFER} bytes; a plan is about 6 to 12 KB). Without this, Spring flushes the plan as soon as
 * it is written and Tomcat ends the chunked answer with a second write: a replica killed between the two leaves the
 * proxy with half an answer, which it can no longer send to another replica since the client has its beginning
 * (seen once in 285,000 requests in scripts/fleet-test.sh). Now a replica that dies has sent nothing, and nginx
 * retries the request elsewhere, or all of it (issue 16, docs/scaling.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WholeResponses {

    static final int SOCKET_WRITE_BUFFER = 32 * 1024;

    @Bean
    FilterRegistrationBean<WholeResponseFilter> wholeResponseFilter() {
        var registration = new FilterRegistrationBean<>(new WholeResponseFilter());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_WRITE_BUFFER)));
    }

    static final class WholeResponseFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var whole = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, whole);
            whole.copyBodyToResponse();
        }
    }
}
