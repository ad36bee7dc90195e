package dev.superapp.batch.platform.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MiniProgramCategoryTest {

    @Test
    void showsItsLevelsFromTheFirstDown() {
        assertThat(new MiniProgramCategory("Food", "c1", "Drinks", "c12", "Tea", "c123").path())
                .isEqualTo("Food > Drinks > Tea");
        assertThat(new MiniProgramCategory("Food", "c1", null, null, null, null).path()).isEqualTo("Food");
        assertThat(new MiniProgramCategory("Food", "c1", "", null, "Tea", "c123").path()).isEqualTo("Food");
    }

    @Test
    void needsItsFirstLevel() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MiniProgramCategory(" ", "c1", null, null, null, null));
        assertThat(MiniProgramReleaseStatus.valueOf("GRAY")).isEqualTo(MiniProgramReleaseStatus.GRAY);
    }
}
