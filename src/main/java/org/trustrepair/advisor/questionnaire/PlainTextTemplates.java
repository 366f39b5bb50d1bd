package org.trustrepair.advisor.questionnaire;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Templates named {@code *.txt} are plain text (the downloadable plan), so that the text and the page share their
 * wording ({@code messages.properties}) instead of building the text in Java. Spring Boot adds this resolver to its
 * template engine beside the HTML one, and asks it first.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextTemplates {

    @Bean
    ITemplateResolver plainTextTemplateResolver(ApplicationContext context) {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setApplicationContext(context);
        resolver.setPrefix("classpath:/templates/");
        resolver.setSuffix("");
        resolver.setResolvablePatterns(Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(0);
        return resolver;
    }
}
