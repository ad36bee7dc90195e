package dev.superapp.batch.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's guard and outcomes, around {@link SignInThrottle}: a name or address that must wait is sent
 * back to the sign-in page (which says how long) without its password being checked; a failure is counted and
 * logged with the name and address, never the password; a success clears the name's count.
 */
final class SignInAttempts extends OncePerRequestFilter implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final SignInThrottle throttle;
    private final SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException, ServletException {
            throttle.succeeded(authentication.getName());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    };

    SignInAttempts(SignInThrottle throttle) {
        this.throttle = throttle;
        success.setDefaultTargetUrl("/");
    }

    SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        return success;
    }

    /** Only the form's POST is guarded; everything else passes. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = throttle.waitBefore(request.getParameter("username"), request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("sign-in refused without checking the password: user name '{}' or address {} must wait {}s",
                printable(request.getParameter("username")), request.getRemoteAddr(), seconds(wait));
        response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds(wait));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        Duration wait = throttle.failed(username, request.getRemoteAddr());
        log.warn("sign-in failed for user name '{}' from {}: {}", printable(username), request.getRemoteAddr(),
                exception.getClass().getSimpleName());
        response.sendRedirect(request.getContextPath() + (wait.isZero() ? "/login?error" : "/login?error&wait=" + seconds(wait)));
    }

    /** Rounded up, so that the page never says 0 while a wait remains. */
    private static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }

    /** A name as typed, made safe for one log line: no line breaks or control characters, at most 64 characters. */
    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String cleaned = username.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() <= 64 ? cleaned : cleaned.substring(0, 64) + "...";
    }
}
