package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.superapp.batch.system.UserInputException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The {@code console_user} table behaves the same on every database we support: names, passwords, versions. */
@SpringBootTest
abstract class ConsoleUsersContract {

    private static final String PASSWORD = "correct horse battery";

    @Autowired ConsoleUsers users;
    @Autowired PasswordEncoder passwords;

    @BeforeEach
    void noUsers() {
        users.list().forEach(user -> users.remove(user.username()));
    }

    @Test
    void namesThatDifferOnlyInCaseAreOneUserKeptInLowerCase() {
        assertThat(users.save("Ada", PASSWORD, ConsoleRole.ADMIN)).isTrue();
        assertThat(users.save("ada", "another long secret", ConsoleRole.FINANCE)).isFalse();

        assertThat(users.list()).extracting(ConsoleUser::username, ConsoleUser::role)
                .containsExactly(tuple("ada", ConsoleRole.FINANCE));
        assertThat(users.loadUserByUsername("ADA").getUsername()).isEqualTo("ada");
        assertThat(users.remove("aDa")).isTrue();
        assertThat(users.list()).isEmpty();
    }

    @Test
    void passwordsOverBcrypts72BytesAreRefusedBeforeHashing() {
        String accented72 = "é".repeat(36);
        String emoji72 = "\uD83D\uDE00".repeat(18);
        users.save("fiona", accented72, ConsoleRole.FINANCE);
        users.save("mark", emoji72, ConsoleRole.MARKETING);

        assertThat(passwords.matches(accented72, users.loadUserByUsername("fiona").getPassword())).isTrue();
        assertThat(passwords.matches(emoji72, users.loadUserByUsername("mark").getPassword())).isTrue();
        for (String tooLong : new String[] {accented72 + "x", emoji72 + "\uD83D\uDE00", "a".repeat(73)}) {
            assertThatThrownBy(() -> users.save("eve", tooLong, ConsoleRole.ADMIN))
                    .isInstanceOf(UserInputException.class).hasMessage("the password must be at most 72 bytes");
        }
        assertThat(users.list()).extracting(ConsoleUser::username).containsExactly("fiona", "mark");
    }

    @Test
    void everySaveGivesTheUserANewVersionAndRemovingEndsIt() {
        users.save("Fiona", PASSWORD, ConsoleRole.FINANCE);
        Optional<String> first = users.version("fiona");
        String signedIn = ((SignedInUser) users.loadUserByUsername("FIONA")).version();

        // Within the same second, as an admin fixing a typo in the role would.
        users.save("fiona", PASSWORD, ConsoleRole.FINANCE);

        assertThat(first).contains(signedIn);
        assertThat(users.version("FIONA")).isPresent().isNotEqualTo(first);
        users.remove("fiona");
        assertThat(users.version("fiona")).isEmpty();
    }

    @Test
    void addLeavesAnExistingUserAsItIs() {
        assertThat(users.add("Ada", PASSWORD, ConsoleRole.ADMIN)).isTrue();
        Optional<String> before = users.version("ada");

        assertThat(users.add("ADA", "another long secret", ConsoleRole.FINANCE)).isFalse();

        assertThat(users.list()).extracting(ConsoleUser::username, ConsoleUser::role)
                .containsExactly(tuple("ada", ConsoleRole.ADMIN));
        assertThat(users.version("ada")).isEqualTo(before);
    }

    @Test
    void updateChangesOnlyWhatItIsGivenAndEachChangeEndsSessions() {
        users.add("fiona", PASSWORD, ConsoleRole.FINANCE);
        Optional<String> first = users.version("fiona");

        assertThat(users.update("Fiona", null, ConsoleRole.ADMIN)).isTrue();
        Optional<String> afterRole = users.version("fiona");
        assertThat(passwords.matches(PASSWORD, users.loadUserByUsername("fiona").getPassword())).isTrue();
        assertThat(users.update("fiona", "another long secret", null)).isTrue();

        assertThat(users.list()).extracting(ConsoleUser::role).containsExactly(ConsoleRole.ADMIN);
        assertThat(passwords.matches("another long secret", users.loadUserByUsername("fiona").getPassword())).isTrue();
        assertThat(afterRole).isPresent().isNotEqualTo(first);
        assertThat(users.version("fiona")).isPresent().isNotEqualTo(afterRole);
        assertThat(users.update("nobody", null, ConsoleRole.ADMIN)).isFalse();
        assertThatThrownBy(() -> users.update("fiona", "short", null))
                .isInstanceOf(UserInputException.class).hasMessage("the password must have at least 12 characters");
    }
}
