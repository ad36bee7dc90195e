package dev.superapp.batch.sandbox;

/**
 * A sandbox trades file that cannot be used; the message is one line that names the file, the
 * line and what is wrong, fit to show a user as it is.
 */
public class InvalidSandboxFileException extends RuntimeException {

    public InvalidSandboxFileException(String message, Throwable cause) {
        super(message, cause);
    }

    static InvalidSandboxFileException at(String source, long line, String problem) {
        return new InvalidSandboxFileException(source + " line " + line + ": " + problem, null);
    }
}
