package dev.superapp.batch.system;

/**
 * Something the person running the program can fix: a missing or malformed file, a bad
 * argument, missing or invalid configuration, a database that cannot be reached.
 *
 * <p>The message is the single line shown to that person. It says what is wrong and where
 * (file, line, column, property) and never contains a secret. The command line prints it
 * without a stack trace and exits with status 2.
 */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
