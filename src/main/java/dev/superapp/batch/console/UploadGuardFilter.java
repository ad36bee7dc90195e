package dev.superapp.batch.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a multipart request before anything reads its body: from someone not signed in (401), or announcing
 * more than the multipart limit (413). It runs before the CSRF check, which would otherwise read the form
 * parameters, and so have the server parse (and spool to disk) the parts of a request nobody may send.
 */
final class UploadGuardFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    UploadGuardFilter(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "sign in before uploading");
        } else if (request.getContentLengthLong() > maxRequestBytes) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than the console accepts");
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Answers without reading the body; the connection is closed so the client stops sending it. */
    private static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setHeader("Connection", "close");
        response.setStatus(status.value());
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }
}
