package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** The check made before every request: cheap (one status read per interval, whatever the senders), and final once it says stop. */
class CampaignControlCheckTest {

    private final CampaignStore store = mock(CampaignStore.class);
    private final MovableClock clock = new MovableClock();
    private final StepExecution step = MetaDataInstanceFactory.createStepExecution();
    private final CampaignControlCheck check = new CampaignControlCheck(store, "sale", step, clock);

    @Test
    void readsTheStatusOncePerIntervalAndStopsForGoodOncePausedOrCancelled() {
        when(store.status("sale")).thenReturn(CampaignStatus.SENDING);
        for (int request = 0; request < 1000; request++) {
            assertThat(check.stopRequested()).isFalse();
        }
        verify(store, times(1)).status("sale");

        when(store.status("sale")).thenReturn(CampaignStatus.PAUSING);
        assertThat(check.stopRequested()).as("the reading is not yet old").isFalse();
        clock.advance(CampaignControlCheck.INTERVAL);

        assertThat(check.stopRequested()).isTrue();
        assertThat(step.isTerminateOnly()).isTrue();
        when(store.status("sale")).thenReturn(CampaignStatus.SENDING);
        clock.advance(Duration.ofSeconds(5));
        assertThat(check.stopRequested()).isTrue();
        verify(store, times(2)).status("sale");
    }

    @Test
    void manySendersAtOnceMakeOneReadPerInterval() throws Exception {
        when(store.status("sale")).thenReturn(CampaignStatus.SENDING);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int sender = 0; sender < 16; sender++) {
                senders.submit(() -> {
                    start.await();
                    for (int request = 0; request < 200; request++) {
                        check.stopRequested();
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        verify(store, times(1)).status("sale");
    }

    @Test
    void aNodeShuttingDownStopsTheSendersWithoutAskingTheDatabase() {
        step.setTerminateOnly();

        assertThat(check.stopRequested()).isTrue();
        verify(store, times(0)).status("sale");
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T07:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
