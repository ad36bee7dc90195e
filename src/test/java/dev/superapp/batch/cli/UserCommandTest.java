package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserCommandTest {

    private final String url = TestDatabase.H2.freshUrl();
    private final InputStream originalIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    @Test
    void addsListsUpdatesAndRemovesAUserWithThePasswordFromStdin() {
        assertThat(userWithPassword("long enough password", "add", "fiona", "--role=finance").out())
                .isEqualTo("added fiona as finance\n");
        assertThat(userWithPassword("another long password", "update", "fiona", "--role=ADMIN").out())
                .isEqualTo("updated fiona: role admin, new password\n");
        assertThat(CliRun.run("user", "update", "Fiona", "--role=marketing", "-Dspring.datasource.url=" + url).out())
                .isEqualTo("updated fiona: role marketing\n");

        CliRun list = CliRun.run("user", "list", "-Dspring.datasource.url=" + url);
        assertThat(list.exitCode()).isZero();
        assertThat(list.outLines().get(1)).startsWith("fiona").contains("marketing");
        assertThat(list.out()).doesNotContain("password");

        assertThat(CliRun.run("user", "remove", "fiona", "-Dspring.datasource.url=" + url).out()).isEqualTo("removed fiona\n");
        assertThat(CliRun.run("user", "list", "-Dspring.datasource.url=" + url).out()).startsWith("no console users yet");
    }

    @Test
    void addRefusesAnExistingUserAndPointsToUpdate() {
        userWithPassword("long enough password", "add", "fiona", "--role=finance");

        CliRun again = userWithPassword("another long password", "add", "Fiona", "--role=admin");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.errLines()).containsExactly("there is already a console user fiona; change it with: "
                + "user update fiona [--role=marketing|finance|admin] [--password-stdin]");
        assertThat(CliRun.run("user", "list", "-Dspring.datasource.url=" + url).outLines().get(1)).contains("finance");
    }

    @Test
    void updateOfAnUnknownUserPointsToAdd() {
        CliRun missing = CliRun.run("user", "update", "nobody", "--role=admin", "-Dspring.datasource.url=" + url);

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("there is no console user nobody; add it with: "
                + "user add nobody --role=marketing|finance|admin");
    }

    @Test
    void aShortPasswordIsRefusedBeforeTheApplicationStarts() {
        System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));

        CliRun weak = CliRun.run("user", "add", "fiona", "--role=finance", "--password-stdin",
                "-Dspring.datasource.url=jdbc:mysql://127.0.0.1:1/nope");

        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.errLines()).containsExactly("the password must have at least 12 characters");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        CliRun unknownRole = userWithPassword("long enough password", "add", "fiona", "--role=boss");
        assertThat(unknownRole.exitCode()).isEqualTo(2);
        assertThat(unknownRole.errLines()).containsExactly("unknown role 'boss' (expected marketing, finance or admin)");

        CliRun weak = userWithPassword("short", "add", "fiona", "--role=finance");
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.errLines()).containsExactly("the password must have at least 12 characters");

        CliRun missing = CliRun.run("user", "remove", "nobody", "-Dspring.datasource.url=" + url);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("there is no console user nobody");
    }

    @Test
    void namesAreKeptInLowerCaseSoAdaAndADAAreOneUser() {
        assertThat(userWithPassword("long enough password", "add", "Fiona", "--role=finance").out())
                .isEqualTo("added fiona as finance\n");
        assertThat(userWithPassword("another long password", "update", "FIONA", "--role=admin").out())
                .isEqualTo("updated fiona: role admin, new password\n");
        assertThat(CliRun.run("user", "remove", "fIona", "-Dspring.datasource.url=" + url).out()).isEqualTo("removed fiona\n");
        assertThat(CliRun.run("user").out().replaceAll("\\s+", " ")).contains("Ada and ada are the same user");
    }

    @Test
    void aPasswordOver72BytesIsOneLineAndExitCode2() {
        CliRun tooLong = userWithPassword("é".repeat(37), "add", "fiona", "--role=finance");

        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.errLines()).containsExactly("the password must be at most 72 bytes");
        assertThat(CliRun.run("user", "list", "-Dspring.datasource.url=" + url).out()).startsWith("no console users yet");
    }

    private CliRun userWithPassword(String password, String... args) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        String[] full = new String[args.length + 3];
        full[0] = "user";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--password-stdin";
        full[args.length + 2] = "-Dspring.datasource.url=" + url;
        return CliRun.run(full);
    }
}
