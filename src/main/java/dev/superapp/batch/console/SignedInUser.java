package dev.superapp.batch.console;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A console user as signed in: with the {@link ConsoleUsers#version version} of the row the password was checked
 * against, so that {@link AccountChangeFilter} can tell when the user has since been removed or changed.
 */
final class SignedInUser extends User {

    private final String version;

    SignedInUser(String username, String passwordHash, ConsoleRole role, String version) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority(role.authority())));
        this.version = version;
    }

    String version() {
        return version;
    }
}
