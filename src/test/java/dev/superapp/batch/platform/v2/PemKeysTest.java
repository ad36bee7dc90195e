package dev.superapp.batch.platform.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {

    @TempDir Path dir;

    @Test
    void readsAPkcs8PrivateAndAnX509PublicKeyOf2048Bits() throws Exception {
        KeyPair pair = V2Fixture.generate(2048);
        Path privatePem = V2Fixture.pem(dir, "p.pem", "PRIVATE KEY", pair.getPrivate());
        Path publicPem = V2Fixture.pem(dir, "q.pem", "PUBLIC KEY", pair.getPublic());

        assertThat(PemKeys.privateKey(privatePem.toString(), "prop").getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(PemKeys.publicKey(publicPem.toString(), "prop").getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void refusesAKeyThatIsNot2048BitsNamingThePropertyNotTheKey() throws Exception {
        KeyPair small = V2Fixture.generate(1024);
        Path pem = V2Fixture.pem(dir, "small.pem", "PRIVATE KEY", small.getPrivate());
        String content = Files.readString(pem);

        assertThatThrownBy(() -> PemKeys.privateKey(pem.toString(), "openapi-v2.private-key-path"))
                .isInstanceOf(PlatformNotConfiguredException.class)
                .hasMessageContaining("openapi-v2.private-key-path").hasMessageContaining("1024-bit")
                .satisfies(e -> assertThat(content).doesNotContain(e.getMessage()));
    }

    @Test
    void refusesAMissingFileAndAWrongArmour() throws Exception {
        Path publicPem = V2Fixture.pem(dir, "pub.pem", "PUBLIC KEY", V2Fixture.generate(2048).getPublic());

        assertThatThrownBy(() -> PemKeys.privateKey(dir.resolve("none.pem").toString(), "p"))
                .isInstanceOf(PlatformNotConfiguredException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> PemKeys.privateKey(publicPem.toString(), "p"))
                .isInstanceOf(PlatformNotConfiguredException.class).hasMessageContaining("BEGIN PRIVATE KEY");
    }
}
