package dev.superapp.batch.campaign;

import dev.superapp.batch.platform.SendingRate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Live counts of the push under way in this process, for the progress line {@code push} prints:
 * requests answered, recipients done, recipients not sent, and where the platform's rate limiter stands.
 */
@Component
public class PushProgress {

    /** The step that sends; it leaves the limiter's state in its execution context under the two keys below. */
    public static final String SEND_STEP = "sendPushesStep";
    /** Requests per second the platform's limiter allowed at the end of the send step's last chunk. */
    public static final String RATE_LIMIT = "platform.rateLimit";
    /** What the limiter then thought the platform accepts per second; absent while it was still searching. */
    public static final String ALLOWANCE_ESTIMATE = "platform.allowanceEstimate";

    private static final Supplier<SendingRate> NOT_SENDING = () -> null;

    private final AtomicLong done = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private volatile Supplier<SendingRate> limiter = NOT_SENDING;

    /** Starts counting a new push. */
    public void reset() {
        done.set(0);
        requests.set(0);
        notSent.set(0);
        limiter = NOT_SENDING;
    }

    /** The send step started, toward the platform whose limiter this reads. */
    public void sendingThrough(Supplier<SendingRate> limiter) {
        this.limiter = limiter;
    }

    /** One request answered, carrying {@code recipients}, of whom {@code notSent} were not sent. */
    public void count(long recipients, long notSent) {
        requests.incrementAndGet();
        done.addAndGet(recipients);
        this.notSent.addAndGet(notSent);
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.get(), done.get(), notSent.get(), limiter.get());
    }

    /**
     * The counts at one moment.
     *
     * @param sendingRate the platform's rate limiter; null before the send step started
     */
    public record Snapshot(long requests, long done, long notSent, SendingRate sendingRate) {
    }
}
