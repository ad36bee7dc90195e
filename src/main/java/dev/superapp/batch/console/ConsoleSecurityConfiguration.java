package dev.superapp.batch.console;

import dev.superapp.batch.console.campaigns.ConsoleProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see what in {@code serve}. Everything needs a signed-in user except the sign-in page, the
 * stylesheet and script, Actuator's health and metrics (served on the separate management port, meant
 * for the operators' network) and the card form callback, which the platform signs instead. Forms carry
 * a CSRF token; the callback is exempt because the platform cannot have one. A signed-out script calling
 * {@code /api/**} gets a 401 rather than the sign-in page, and {@link AccountChangeFilter} ends the sessions
 * of users removed or changed since they signed in. {@link SignInAttempts} slows password guessing,
 * {@link UploadGuardFilter} refuses uploads before their body is read, and every answer carries the security
 * headers (Content-Security-Policy, X-Content-Type-Options, X-Frame-Options, Referrer-Policy).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** Only {@code serve} is a web application; the other commands use the password encoder alone. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class WebRules {

        /**
         * The console's pages load their script, stylesheet and data only from the console itself; its charts are
         * inline SVG elements (no inline script or style attribute), so nothing needs {@code 'unsafe-inline'}. Images
         * may come from any https URL: a campaign's preview shows its icon or card image as the phone will, from
         * the CDN the message names (never a script, style or frame).
         */
        static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: https:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
                + "object-src 'none'";

        @Bean
        SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleUsers users, SignInThrottle throttle,
                                            ConsoleProperties console) throws Exception {
            RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
            SignInAttempts attempts = new SignInAttempts(throttle);
            return http
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/login", "/console.css", "/console.js", "/error").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                            .requestMatchers("/callbacks/**").permitAll()
                            .requestMatchers("/campaigns/**", "/suppressions/**").hasRole(ConsoleRole.MARKETING.name())
                            .requestMatchers("/reports/reconciliation/**").hasRole(ConsoleRole.FINANCE.name())
                            .requestMatchers("/reports/campaigns/**")
                            .hasAnyRole(ConsoleRole.MARKETING.name(), ConsoleRole.FINANCE.name())
                            .requestMatchers("/users/**").hasRole(ConsoleRole.ADMIN.name())
                            .anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions
                            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                    AnyRequestMatcher.INSTANCE))
                    .addFilterBefore(new AccountChangeFilter(users, api), AuthorizationFilter.class)
                    .addFilterBefore(new UploadGuardFilter(console.maxRequestSize().toBytes()), CsrfFilter.class)
                    .addFilterBefore(attempts, UsernamePasswordAuthenticationFilter.class)
                    .formLogin(form -> form.loginPage("/login").successHandler(attempts.successHandler())
                            .failureHandler(attempts))
                    .headers(headers -> headers
                            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                            .frameOptions(frames -> frames.deny())
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                    .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                    .csrf(csrf -> csrf.ignoringRequestMatchers("/callbacks/**"))
                    .build();
        }
    }

    /** An admin may do what marketing and finance may. */
    @Bean
    static RoleHierarchy consoleRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ConsoleRole.ADMIN.name()).implies(ConsoleRole.MARKETING.name(), ConsoleRole.FINANCE.name())
                .build();
    }

    /** bcrypt, behind the {id} prefix so that a stronger scheme can come later without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
