package dev.superapp.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.superapp.batch.platform.SuperAppProperties;
import dev.superapp.batch.platform.cardform.CardFormProperties;
import dev.superapp.batch.platform.mos.MosProperties;
import dev.superapp.batch.sandbox.SandboxCardForm;
import org.junit.jupiter.api.Test;

/** Records and users that hold a password or a secret print it masked: a log line or an exception never has it. */
class SecretsInToStringTest {

    private static final String SECRET = "s3cr3t-value-never-printed";

    @Test
    void theUsersFormAndASignedInUserNeverPrintThePasswords() {
        assertThat(new UserForm("ada", "ADMIN", SECRET, SECRET + "-again").toString())
                .contains("ada", "ADMIN").doesNotContain(SECRET);
        assertThat(new SignedInUser("ada", "{bcrypt}" + SECRET, ConsoleRole.ADMIN, "1").toString())
                .contains("ada").doesNotContain(SECRET);
    }

    @Test
    void platformCredentialsNeverPrintTheirSecrets() {
        assertThat(new SuperAppProperties("https://api.example", "app", SECRET).toString()).contains("app").doesNotContain(SECRET);
        assertThat(new CardFormProperties("https://cf.example", "m", "b", "o", SECRET, "UTC").toString())
                .contains("bizId=b").doesNotContain(SECRET);
        assertThat(new MosProperties("https://mos.example", "key", SECRET).toString()).contains("key").doesNotContain(SECRET);
        assertThat(new SandboxCardForm("m", "b", SECRET).toString()).doesNotContain(SECRET);
    }
}
