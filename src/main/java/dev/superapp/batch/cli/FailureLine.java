package dev.superapp.batch.cli;

import java.util.regex.Pattern;

/**
 * The one line a person reads of why a run failed. Spring Batch keeps a failed execution's exit description
 * as a stack trace ({@code java.io.UncheckedIOException: cannot write report ...}, {@code Caused by: ...},
 * frames); its first line, without the exception's class name, is the reason our code gave.
 */
final class FailureLine {

    private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*: ");

    private FailureLine() {
    }

    static String of(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return "no reason was recorded";
        }
        String first = exitDescription.strip().lines().findFirst().orElse("");
        return EXCEPTION_CLASS.matcher(first).replaceFirst("");
    }
}
