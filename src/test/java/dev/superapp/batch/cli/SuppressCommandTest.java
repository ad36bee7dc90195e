package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code suppress add|remove|list} as a person runs them, on one database across the runs. */
class SuppressCommandTest {

    @TempDir
    Path dir;

    private final String database = "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl();

    @Test
    void addsAFileListsWithWhyWhoAndWhenAndRemovesAnId() throws Exception {
        Path file = Files.writeString(dir.resolve("optout.csv"), "\uFEFFopen_id,note\r\nu-1,x\r\nu-2,y\r\n\r\nu-1,again\r\n");

        CliRun added = CliRun.run("suppress", "add", file.toString(), "--reason=asked to stop", database);
        CliRun again = CliRun.run("suppress", "add", file.toString(), database);
        CliRun listed = CliRun.run("suppress", "list", database);
        CliRun removed = CliRun.run("suppress", "remove", "u-1", database);
        CliRun searched = CliRun.run("suppress", "list", "--search=U-", database);

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("added 2 open_id to the suppression list (0 already on it)");
        assertThat(again.out().strip()).isEqualTo("added 0 open_id to the suppression list (2 already on it)");
        assertThat(listed.outLines()).first().asString().startsWith("KIND").contains("ID", "REASON", "ADDED_BY", "ADDED_AT");
        assertThat(listed.outLines()).hasSize(3).anySatisfy(line -> assertThat(line)
                .startsWith("open_id").contains("u-2", "asked to stop", "os:" + System.getProperty("user.name")));
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out().strip()).isEqualTo("removed u-1 (open_id)");
        assertThat(searched.outLines()).hasSize(2).last().asString().contains("u-2");
    }

    @Test
    void aFileWithoutAnIdColumnIsOneLineAndExit2AndAddsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("people.csv"), "email\nx@example.com\n");

        CliRun run = CliRun.run("suppress", "add", file.toString(), database);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("people.csv", "open_id", "unique_id");
        assertThat(CliRun.run("suppress", "list", database).out().strip()).isEqualTo("the suppression list is empty");
    }

    @Test
    void aBadIdNamesItsLineAndAddsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("cards.csv"), "unique_id\ncard-1\ncard 2\n");

        CliRun run = CliRun.run("suppress", "add", file.toString(), database);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("cards.csv: line 3: unique_id is bad character", "nothing was added")
                .doesNotContain("\tat ");
        assertThat(CliRun.run("suppress", "list", database).out().strip()).isEqualTo("the suppression list is empty");
    }

    @Test
    void removingAnIdNotOnTheListIsExit2() {
        CliRun run = CliRun.run("suppress", "remove", "nobody", database);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("nobody is not on the suppression list (see: suppress list --search=nobody)");
    }

    @Test
    void aMissingFileIsOneLineAndExit2() {
        CliRun run = CliRun.run("suppress", "add", dir.resolve("none.csv").toString(), database);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("none.csv", "cannot be read");
    }
}
