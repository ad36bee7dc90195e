package dev.superapp.batch.cli;

import dev.superapp.batch.console.PasswordRule;
import dev.superapp.batch.system.UserInputException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A console user's new password, asked at the terminal (twice) or read as one line from standard input
 * ({@code --password-stdin}); never an argument, where it would stay in the shell history and the process list.
 * It is checked against {@link PasswordRule} as soon as it is read, before the application starts, so a short
 * password costs no database connection. The caller wipes the array.
 */
final class PasswordInput {

    private PasswordInput() {
    }

    static char[] read(boolean fromStdin) {
        char[] password = fromStdin ? readStdin() : askTwice();
        try {
            PasswordRule.check(CharBuffer.wrap(password));
            return password;
        } catch (UserInputException weak) {
            Arrays.fill(password, '\0');
            throw weak;
        }
    }

    private static char[] readStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UserInputException("--password-stdin: standard input is empty");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char[] askTwice() {
        Console console = System.console();
        if (console == null) {
            throw new UserInputException("no terminal to ask the password at; pipe it in with --password-stdin");
        }
        char[] first = console.readPassword("password: ");
        char[] second = console.readPassword("again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new UserInputException("the two passwords differ");
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
