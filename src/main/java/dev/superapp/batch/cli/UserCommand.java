package dev.superapp.batch.cli;

import dev.superapp.batch.console.ConsoleRole;
import dev.superapp.batch.console.ConsoleUser;
import dev.superapp.batch.console.ConsoleUsers;
import dev.superapp.batch.system.UserInputException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code user add|remove|list}: who may sign in to the console of {@code serve}. The password is asked at
 * the terminal (twice), or read as one line from standard input with {@code --password-stdin}; it is never
 * an argument, where it would stay in the shell history and the process list. Names are kept in lower case,
 * so {@code Ada} and {@code ada} are one user on every database.
 */
@Command(name = "user", description = {"Manage the users of the web console (serve).",
        "User names are case-insensitive and kept in lower case: Ada and ada are the same user."},
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Add a console user, or set an existing user's password and role.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        private UserCommand user;

        @Parameters(paramLabel = "NAME",
                description = "The sign-in name: 1 to 64 of A-Z a-z 0-9 . _ @ -, kept in lower case.")
        private String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "marketing (campaigns), finance (reports) or admin (everything).")
        private String role;

        @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
        private boolean passwordFromStdin;

        @Override
        public Integer call() {
            ConsoleRole consoleRole = ConsoleRole.fromName(role).orElseThrow(() -> new UserInputException(
                    "unknown role '" + role + "' (expected marketing, finance or admin)"));
            char[] password = passwordFromStdin ? readStdin() : askTwice();
            try {
                // Wrapped, not copied into a String, so that the array wiped below is the only copy made here.
                boolean added = user.root.inContext(context ->
                        context.getBean(ConsoleUsers.class).save(username, CharBuffer.wrap(password), consoleRole));
                user.spec.commandLine().getOut().println((added ? "added " : "updated ")
                        + ConsoleUsers.canonicalName(username) + " as "
                        + consoleRole.name().toLowerCase(Locale.ROOT));
                return 0;
            } finally {
                Arrays.fill(password, '\0');
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

    @Command(name = "remove", description = "Remove a console user.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        private UserCommand user;

        @Parameters(paramLabel = "NAME", description = "The sign-in name, in any case.")
        private String username;

        @Override
        public Integer call() {
            boolean removed = user.root.inContext(context -> context.getBean(ConsoleUsers.class).remove(username));
            if (!removed) {
                throw new UserInputException("there is no console user " + username);
            }
            user.spec.commandLine().getOut().println("removed " + ConsoleUsers.canonicalName(username));
            return 0;
        }
    }

    @Command(name = "list", description = "List the console users and their roles.")
    static final class ListUsers implements Callable<Integer> {

        @ParentCommand
        private UserCommand user;

        @Override
        public Integer call() {
            List<ConsoleUser> users = user.root.inContext(context -> context.getBean(ConsoleUsers.class).list());
            if (users.isEmpty()) {
                user.spec.commandLine().getOut().println("no console users yet; add one with: user add NAME --role=admin");
                return 0;
            }
            TextTable table = new TextTable("USER", "ROLE", "CREATED");
            users.forEach(u -> table.row(u.username(), u.role().name().toLowerCase(Locale.ROOT), u.createdAt()));
            table.print(user.spec.commandLine().getOut());
            return 0;
        }
    }
}
