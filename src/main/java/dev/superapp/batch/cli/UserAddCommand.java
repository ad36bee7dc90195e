package dev.superapp.batch.cli;

import dev.superapp.batch.console.ConsoleRole;
import dev.superapp.batch.console.ConsoleUsers;
import dev.superapp.batch.system.UserInputException;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code user add NAME --role=ROLE}: a new console user. An existing user is refused, not overwritten, with the
 * {@code user update} line that changes it: a typo in a name must not reset somebody else's password.
 */
@Command(name = "add", description = "Add a new console user (an existing one is changed with 'user update').")
final class UserAddCommand implements Callable<Integer> {

    @ParentCommand
    private UserCommand user;

    @Parameters(paramLabel = "NAME", description = "The sign-in name: 1 to 64 of A-Z a-z 0-9 . _ @ -, kept in lower case.")
    private String username;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "marketing (campaigns), finance (reports) or admin (everything).")
    private String role;

    @Option(names = "--password-stdin", description = "Read the password as one line from standard input.")
    private boolean passwordFromStdin;

    @Override
    public Integer call() {
        ConsoleRole consoleRole = UserCommand.role(role);
        char[] password = PasswordInput.read(passwordFromStdin);
        try {
            // Wrapped, not copied into a String, so that the array wiped below is the only copy made here.
            boolean added = user.root.inContext(context ->
                    context.getBean(ConsoleUsers.class).add(username, CharBuffer.wrap(password), consoleRole));
            String name = ConsoleUsers.canonicalName(username);
            if (!added) {
                throw new UserInputException("there is already a console user " + name + "; change it with: user update "
                        + name + " [--role=marketing|finance|admin] [--password-stdin]");
            }
            user.spec.commandLine().getOut().println("added " + name + " as " + consoleRole.name().toLowerCase(Locale.ROOT));
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
