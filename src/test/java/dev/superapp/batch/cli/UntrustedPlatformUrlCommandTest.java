package dev.superapp.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A platform base URL over plain http to another machine stops every command before it starts. */
class UntrustedPlatformUrlCommandTest {

    @TempDir
    Path dir;

    @Test
    void plainHttpToAnotherMachineIsRefusedAtStartupInOneLineWithExit2() {
        CliRun run = CliRun.run("reconcile", "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(),
                "-Dreports.dir=" + dir, "-Dcardform.base-url=http://api.dlight-app.example/openapi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("cardform.base-url must be an https:// URL (CARDFORM_BASE_URL): "
                + "http://api.dlight-app.example/openapi; plain http is allowed only to this machine (127.0.0.1, ::1, "
                + "localhost) or with platform.allow-http=true");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void plainHttpIsAcceptedWhenAllowedAndTheNextMissingSettingIsNamed() {
        CliRun run = CliRun.run("reconcile", "-Dspring.datasource.url=" + TestDatabase.H2.freshUrl(),
                "-Dreports.dir=" + dir, "-Dsuperapp.base-url=http://platform.example", "-Dplatform.allow-http=true");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("superapp.app-id is not set (SUPERAPP_APP_ID)");
    }
}
