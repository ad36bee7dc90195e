package dev.superapp.batch.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do: marketing runs campaigns, finance reads reports, an admin does both and
 * manages users. Spring Security sees them as {@code ROLE_MARKETING} and so on; {@link ConsoleSecurityConfiguration}
 * makes ADMIN imply the other two.
 */
public enum ConsoleRole {
    MARKETING, FINANCE, ADMIN;

    public static Optional<ConsoleRole> fromName(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
