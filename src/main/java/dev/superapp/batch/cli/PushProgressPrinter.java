package dev.superapp.batch.cli;

import dev.superapp.batch.campaign.PushProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints a progress line every few seconds while a push runs: recipients done, request rate, not sent. */
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
        out.printf("progress: %d recipients done, %d not sent, %d requests (%.1f requests/s)%n",
                now.done(), now.notSent(), now.requests(), now.requests() / seconds);
        out.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
