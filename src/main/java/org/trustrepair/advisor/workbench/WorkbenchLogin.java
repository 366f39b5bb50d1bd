package org.trustrepair.advisor.workbench;

import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.trustrepair.advisor.system.SecurityConfiguration;

/**
 * The workbench behind a login wherever another machine can reach it. On a counsellor's laptop, served on loopback
 * only ({@code server.address=127.0.0.1}, as {@code ./mvnw spring-boot:run} does), it needs none. On any other address
 * (and with {@code server.address} unset, the server listens on all of them) start-up is refused unless
 * {@code advisor.workbench.user} and {@code advisor.workbench.password-hash} are set. Once a user is set, the login is
 * asked for on every address: a proxy on the same machine can make loopback public.
 *
 * <p>HTTP Basic over the site's TLS, checked against the bcrypt hash; nothing else of the site asks for a login. This
 * chain covers /workbench only and comes before the site's chain, which lets everything else through.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "advisor.workbench.enabled", havingValue = "true")
final class WorkbenchLogin {

    WorkbenchLogin(WorkbenchSettings settings, ServerProperties server) {
        if (!settings.hasLogin() && (settings.user() != null || settings.passwordHash() != null)) {
            throw new InvalidConfigurationPropertyValueException(
                    settings.user() == null ? "advisor.workbench.user" : "advisor.workbench.password-hash",
                    null,
                    "advisor.workbench.user and advisor.workbench.password-hash go together: set both, or neither");
        }
        InetAddress address = server.getAddress();
        if (!settings.hasLogin() && (address == null || !address.isLoopbackAddress())) {
            throw new InvalidConfigurationPropertyValueException(
                    "advisor.workbench.enabled",
                    true,
                    "the workbench would be open to other machines: the server listens on "
                            + (address == null
                                    ? "every address (server.address is not set)"
                                    : address.getHostAddress() + " (server.address)")
                            + ", which is not loopback, and no login is configured. Set advisor.workbench.user and "
                            + "advisor.workbench.password-hash (a bcrypt hash: htpasswd -nbBC 12 '' PASSWORD), or "
                            + "serve on loopback only (server.address=127.0.0.1), or turn the workbench off");
        }
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnProperty(name = "advisor.workbench.user")
    SecurityFilterChain workbenchChain(HttpSecurity http, WorkbenchSettings settings) throws Exception {
        var users = new InMemoryUserDetailsManager(User.withUsername(settings.user())
                .password(settings.passwordHash())
                .build());
        DelegatingPasswordEncoder hashes =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        hashes.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder()); // a hash without {bcrypt}
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(hashes);
        // the same headers, sessions and CSRF as the site's pages (SecurityConfiguration), and a login
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/workbench/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.realmName("Trust-repair advisor workbench"))
                .requestCache(cache -> cache.disable())
                .anonymous(a -> a.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .cacheControl(c -> {})
                        .contentTypeOptions(c -> {}));
        return http.build();
    }
}
