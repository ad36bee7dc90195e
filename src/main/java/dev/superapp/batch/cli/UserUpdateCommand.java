package dev.superapp.batch.cli;

import dev.superapp.batch.console.ConsoleRole;
import dev.superapp.batch.console.ConsoleUsers;
import dev.superapp.batch.system.UserInputException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code user update NAME [--role=ROLE] [--password-stdin]}: changes an existing console user. With only
 * {@code --role} the password stays; otherwise a new password is read (from standard input with
 * {@code --password-stdin}, else asked at the terminal). The user's open console sessions end at their next request.
 */
@Command(name = "update", description = {"Change an existing console user's role, password or both.",
        "With --role alone the password is kept; otherwise the new password is asked (or read with --password-stdin)."})
final class UserUpdateCommand implements Callable<Integer> {

    @ParentCommand
    private UserCommand user;

    @Parameters(paramLabel = "NAME", description = "The sign-in name, in any case.")
    private String username;

    @Option(names = "--role", paramLabel = "ROLE", description = "The new role: marketing, finance or admin.")
    private String role;

    @Option(names = "--password-stdin", description = "Read the new password as one line from standard input.")
    private boolean passwordFromStdin;

    @Override
    public Integer call() {
        ConsoleRole newRole = role == null ? null : UserCommand.role(role);
        char[] password = newRole != null && !passwordFromStdin ? null : PasswordInput.read(passwordFromStdin);
        try {
            boolean updated = user.root.inContext(context -> context.getBean(ConsoleUsers.class)
                    .update(username, password == null ? null : CharBuffer.wrap(password), newRole));
            String name = ConsoleUsers.canonicalName(username);
            if (!updated) {
                throw new UserInputException("there is no console user " + name + "; add it with: user add " + name
                        + " --role=marketing|finance|admin");
            }
            List<String> changes = new ArrayList<>();
            if (newRole != null) {
                changes.add("role " + newRole.name().toLowerCase(Locale.ROOT));
            }
            if (password != null) {
                changes.add("new password");
            }
            user.spec.commandLine().getOut().println("updated " + name + ": " + String.join(", ", changes));
            return 0;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
