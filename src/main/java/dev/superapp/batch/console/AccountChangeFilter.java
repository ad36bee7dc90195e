package dev.superapp.batch.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user who was removed, or given a new password or role, after signing in: by the
 * Users page, by {@code user add|remove} in another process or by another {@code serve} node sharing the
 * database. Each request of a signed-in user reads the user's {@link ConsoleUsers#version version} (a primary-key
 * lookup) and compares it with the one read when the password was checked; when they differ the session is
 * invalidated and the browser sent to sign in again ({@code /login?expired}); a script calling {@code /api/**}
 * gets a 401.
 */
final class AccountChangeFilter extends OncePerRequestFilter {

    private final ConsoleUsers users;
    private final RequestMatcher api;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    AccountChangeFilter(ConsoleUsers users, RequestMatcher api) {
        this.users = users;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        // Only users signed in through the sign-in form carry their row's version.
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && !users.version(user.getUsername()).equals(Optional.of(user.version()))) {
            signOut.logout(request, response, authentication);
            if (api.matches(request)) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
