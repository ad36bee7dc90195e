package dev.superapp.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.superapp.batch.platform.CloseAnswer;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.platform.TradePlatform;
import dev.superapp.batch.platform.TradeRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationPlatformTest {

    private final List<TradePlatform> platforms = List.of(new Named("superapp"), new Named("mos"));

    @Test
    void picksThePlatformNamedByTheProperty() {
        assertThat(choose("mos").id()).isEqualTo("mos");
        assertThat(choose(" SuperApp ").id()).isEqualTo("superapp");
    }

    @Test
    void namesTheChoicesWhenThePropertyMatchesNone() {
        assertThatThrownBy(() -> choose("paypal")).isInstanceOf(PlatformNotConfiguredException.class)
                .hasMessage("reconciliation.platform must be one of mos, superapp; it is 'paypal' (RECONCILIATION_PLATFORM)");
    }

    private TradePlatform choose(String wanted) {
        return new ReconciliationPlatform(platforms, new ReconciliationProperties(Duration.ofMinutes(30), 3,
                Duration.ofSeconds(2), 200, null, wanted)).chosen();
    }

    /** A platform that is only a name: choosing never calls it. */
    private record Named(String id) implements TradePlatform {
        @Override
        public boolean canAskAbout(TradeRef trade) {
            throw new AssertionError("not called");
        }

        @Override
        public TradeDetail tradeDetail(TradeRef trade) {
            throw new AssertionError("not called");
        }

        @Override
        public Optional<CloseAnswer> tradeClose(TradeRef trade) {
            throw new AssertionError("not called");
        }

        @Override
        public void requireConfigured() {
            throw new AssertionError("not called");
        }
    }
}
