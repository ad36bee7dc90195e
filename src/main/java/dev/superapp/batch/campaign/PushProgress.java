package dev.superapp.batch.campaign;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Live counts of the push under way in this process, for the progress line {@code push} prints:
 * requests answered, recipients done, and recipients not sent.
 */
@Component
public class PushProgress {

    private final AtomicLong done = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();

    /** Starts counting a new push. */
    public void reset() {
        done.set(0);
        requests.set(0);
        notSent.set(0);
    }

    /** One request answered, carrying {@code recipients}, of whom {@code notSent} were not sent. */
    public void count(long recipients, long notSent) {
        requests.incrementAndGet();
        done.addAndGet(recipients);
        this.notSent.addAndGet(notSent);
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.get(), done.get(), notSent.get());
    }

    /** The counts at one moment. */
    public record Snapshot(long requests, long done, long notSent) {
    }
}
