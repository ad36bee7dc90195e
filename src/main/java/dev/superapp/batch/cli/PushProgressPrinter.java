package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.platform.SendingRate;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a progress line every few seconds while a push runs: recipients done, request rate, not sent, and the
 * platform's rate limiter (its rate and its estimate of the platform's allowance).
 */
final class PushProgressPrinter implements AutoCloseable {

    private final PushProgress progress;
    private final PrintWriter out;
    private final ScheduledExecutorService ticker;
    private final long startNanos = System.nanoTime();

    PushProgressPrinter(PushProgress progress, PrintWriter out, Duration every) {
        this.progress = progress;
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "push-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void print() {
        PushProgress.Snapshot now = progress.snapshot();
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        out.printf("progress: %d recipients done, %d not sent, %d requests (%.1f requests/s)%s%n",
                now.done(), now.notSent(), now.requests(), now.requests() / seconds, limiter(now.sendingRate()));
        out.flush();
    }

    /** For example {@code ; limiter 182.0 requests/s, platform allowance estimated at 200.0/s}. */
    private static String limiter(SendingRate rate) {
        if (rate == null) {
            return "";
        }
        return String.format("; limiter %.1f requests/s, %s", rate.rateLimit(), rate.allowanceEstimate() == null
                ? "still searching for the platform's allowance" : String.format("platform allowance estimated at %.1f/s",
                        rate.allowanceEstimate()));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
