package dev.superapp.batch.console;

import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in user as the pages see them: which sections to show in the navigation. The access rules
 * themselves are in {@link ConsoleSecurityConfiguration}; this only hides links that would be refused.
 */
public record ConsoleViewer(String username, boolean campaigns, boolean reports, boolean admin) {

    static ConsoleViewer of(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        boolean admin = has(authorities, ConsoleRole.ADMIN);
        return new ConsoleViewer(authentication.getName(), admin || has(authorities, ConsoleRole.MARKETING),
                admin || has(authorities, ConsoleRole.FINANCE), admin);
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, ConsoleRole role) {
        return authorities.stream().anyMatch(authority -> role.authority().equals(authority.getAuthority()));
    }
}
