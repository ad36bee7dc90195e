package dev.superapp.batch.console;

import java.time.LocalDateTime;

/** A console user as listed to an admin: never with the password hash. */
public record ConsoleUser(String username, ConsoleRole role, LocalDateTime createdAt) {
}
