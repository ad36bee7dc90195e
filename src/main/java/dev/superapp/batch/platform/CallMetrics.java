package dev.superapp.batch.platform;

import java.util.function.DoubleSupplier;

/**
 * What {@link ResilientCaller} reports about its requests toward one platform, for operations to watch:
 * every request and how it ended, retries, throttling, and how many requests are in flight.
 */
public interface CallMetrics {

    /** For callers nobody watches (tests, a command without a metrics registry). */
    CallMetrics NONE = new CallMetrics() {
        @Override
        public void requestEnded(String endpoint, String outcome) {
        }

        @Override
        public void retried(String endpoint) {
        }

        @Override
        public void throttled(String endpoint) {
        }

        @Override
        public void inFlight(int delta) {
        }

        @Override
        public void rateLimiter(String platform, DoubleSupplier rate, DoubleSupplier allowanceEstimate) {
        }
    };

    /**
     * @param outcome {@code success}, {@code throttled}, {@code server_fault}, {@code malformed} (the answer),
     *                {@code no_answer} (timeout, dropped connection) or {@code refused} (the platform said no)
     */
    void requestEnded(String endpoint, String outcome);

    void retried(String endpoint);

    void throttled(String endpoint);

    /** +1 as a request leaves, -1 when its answer (or failure) is in. */
    void inFlight(int delta);

    /**
     * Watches one platform's limiter: the requests per second it allows now, and its estimate of the
     * platform's allowance (NaN while it is still searching, with no ceiling configured).
     */
    void rateLimiter(String platform, DoubleSupplier rate, DoubleSupplier allowanceEstimate);
}
