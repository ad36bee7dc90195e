package dev.superapp.batch.cli;

import dev.superapp.batch.console.ConsoleRole;
import dev.superapp.batch.console.ConsoleUser;
import dev.superapp.batch.console.ConsoleUsers;
import dev.superapp.batch.system.UserInputException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code user add|update|remove|list}: who may sign in to the console of {@code serve}. Passwords come from
 * {@link PasswordInput}, never from an argument. Names are kept in lower case, so {@code Ada} and {@code ada} are
 * one user on every database.
 */
@Command(name = "user", description = {"Manage the users of the web console (serve).",
        "User names are case-insensitive and kept in lower case: Ada and ada are the same user."},
        subcommands = {UserAddCommand.class, UserUpdateCommand.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {

    @ParentCommand
    SuperappCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A {@code --role} value, or the one line that says which roles there are. */
    static ConsoleRole role(String name) {
        return ConsoleRole.fromName(name).orElseThrow(() -> new UserInputException(
                "unknown role '" + name + "' (expected marketing, finance or admin)"));
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
