package org.trustrepair.advisor.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops DEBUG and TRACE output of the framework loggers that print request and response contents (bodies read and
 * written, handler arguments, resolved exceptions with a parser's message, raw bytes received, view models), whatever
 * level an operator sets: answers are special-category data and must not reach a log even while someone debugs.
 * {@code NothingKeptTest} runs a server with Spring at TRACE and finds these by their canaries; INFO and above pass.
 *
 * <p>Public, with a public constructor, because logback creates it from {@code logback.xml}.
 */
public final class NoAnswersInLogs extends TurboFilter {

    /** Loggers (names or name prefixes) whose DEBUG/TRACE lines carry request or response values. */
    static final List<String> PRINT_VALUES = List.of(
            // "Read "application/json" to [body]", "Writing [plan]"
            "org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor",
            "org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor",
            "org.springframework.web.servlet.mvc.method.annotation.RequestPartMethodArgumentResolver",
            // "Resolved [exception with the parser's message, which quotes the body]"
            "org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver",
            "org.springframework.web.servlet.mvc.support.",
            "org.springframework.web.servlet.handler.",
            // "Arguments: [body or form]", "Could not resolve parameter … JSON parse error: …"
            "org.springframework.web.method.",
            "org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod",
            // "View …, model {…}", bound and rejected values, message converters
            "org.springframework.web.servlet.view.",
            "org.springframework.validation.",
            "org.springframework.http.converter.",
            // "Received [raw request bytes]"
            "org.apache.coyote.http11.");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || level.isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL;
        }
        // Not enabled at this level anyway: the logger drops the line itself. This is the common case by far (every
        // isDebugEnabled() in the rule engine's inner loops comes here), so it must cost no more than a comparison.
        if (!level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        if (name.startsWith("org.")) {
            for (String prefix : PRINT_VALUES) {
                if (name.startsWith(prefix)) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
