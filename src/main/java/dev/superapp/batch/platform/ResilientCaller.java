package dev.superapp.batch.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the calls toward one platform; one instance per platform, shared by all its threads.
 *
 * <p>Every request waits for one of {@code platform.max-in-flight} slots and for its turn at the
 * {@link AdaptiveRateLimiter}. A failed attempt is followed by the {@link NextStep} its failure
 * calls for: a 429 slows the limiter and this call waits {@code Retry-After} (or a backoff) without
 * using up an attempt, while the other calls go on at the slower rate; a retry waits a full-jitter backoff of the {@link RetryPolicy} and uses one up.
 * Without attempts left, or when the next wait would pass the call deadline, the call ends with
 * {@link PlatformUnavailableException}; a request that may have acted ends with
 * {@link AmbiguousOutcomeException}. A {@link PlatformException} thrown by the attempt itself
 * (a refusal) passes through untouched.
 */
public final class ResilientCaller {

    private static final Logger log = LoggerFactory.getLogger(ResilientCaller.class);

    /** Requests per second a limiter without {@code platform.rate-limit} starts at, before it finds the allowance. */
    public static final double STARTING_RATE = AdaptiveRateLimiter.START_RATE;

    /** Never holds a call back. */
    public static final BooleanSupplier ALWAYS = () -> true;

    /** One request and the reading of its answer; called again for every retry. */
    @FunctionalInterface
    public interface Attempt<T> {
        T send() throws IOException, UnusableAnswer;
    }

    private final Semaphore inFlight;
    private final AdaptiveRateLimiter limiter;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final LongSupplier nanoTicker;
    private final DoubleSupplier jitter;
    private final CallMetrics metrics;

    /**
     * The production policy for one platform: its settings, the default retry budget, real waiting, and
     * its limiter's rate and allowance estimate in {@code metrics}.
     *
     * @param platformId names the platform in the limiter's gauges, e.g. {@code superapp}
     */
    public static ResilientCaller forPlatform(String platformId, PlatformProperties platform, CallMetrics metrics) {
        AdaptiveRateLimiter limiter = AdaptiveRateLimiter.forRateLimit(platform.rateLimit(), System::nanoTime);
        metrics.rateLimiter(platformId, limiter::currentRate, limiter::allowanceEstimate);
        return new ResilientCaller(platform.maxInFlight(), limiter, RetryPolicy.defaults(platform.callDeadline()),
                Sleeper.REAL, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble(), metrics);
    }

    /** Waits with {@code sleeper}, for tests and tools that do not spend real time; no gauges. */
    public ResilientCaller(PlatformProperties platform, RetryPolicy retry, Sleeper sleeper, CallMetrics metrics) {
        this(platform.maxInFlight(), AdaptiveRateLimiter.forRateLimit(platform.rateLimit(), System::nanoTime), retry,
                sleeper, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble(), metrics);
    }

    ResilientCaller(int maxInFlight, AdaptiveRateLimiter limiter, RetryPolicy retry, Sleeper sleeper,
                    LongSupplier nanoTicker, DoubleSupplier jitter) {
        this(maxInFlight, limiter, retry, sleeper, nanoTicker, jitter, CallMetrics.NONE);
    }

    ResilientCaller(int maxInFlight, AdaptiveRateLimiter limiter, RetryPolicy retry, Sleeper sleeper,
                    LongSupplier nanoTicker, DoubleSupplier jitter, CallMetrics metrics) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("platform.max-in-flight must be at least 1, was " + maxInFlight);
        }
        // Fair, so that a call waiting for a slot is not overtaken indefinitely by newer ones.
        this.inFlight = new Semaphore(maxInFlight, true);
        this.limiter = limiter;
        this.retry = retry;
        this.sleeper = sleeper;
        this.nanoTicker = nanoTicker;
        this.jitter = jitter;
        this.metrics = metrics;
    }

    /**
     * Runs {@code attempt} until it returns, fails for good or the call deadline passes.
     *
     * @param endpoint names the call in messages and logs, e.g. {@code SuperApp tradedetail}
     */
    public <T> T call(String endpoint, CallKind kind, Attempt<T> attempt) {
        return call(endpoint, kind, ALWAYS, attempt);
    }

    /** The limiter's rate and allowance estimate now. */
    public SendingRate sendingRate() {
        double estimate = limiter.allowanceEstimate();
        return new SendingRate(limiter.currentRate(), Double.isNaN(estimate) ? null : estimate);
    }

    /**
     * A call that asks {@code mayLeave} just before each attempt leaves, after its wait for a slot and for the rate:
     * a campaign's end time is checked there, so a request queued behind others does not leave late.
     *
     * @throws PlatformNotSentException when held back with nothing of the call having reached the platform
     * @throws AmbiguousOutcomeException when held back after an attempt that may have acted
     */
    public <T> T call(PlatformEndpoint endpoint, BooleanSupplier mayLeave, Attempt<T> attempt) {
        return call(endpoint.label(), endpoint.kind(), mayLeave, attempt);
    }

    <T> T call(String endpoint, CallKind kind, BooleanSupplier mayLeave, Attempt<T> attempt) {
        return new Call<>(endpoint, kind, mayLeave, attempt).run();
    }

    /** The state of one call across its attempts. */
    private final class Call<T> {
        private final String endpoint;
        private final CallKind kind;
        private final BooleanSupplier mayLeave;
        private final Attempt<T> attempt;
        private final long deadline;
        /** An attempt failed in a way that does not prove the platform did not act (anything but a throttle). */
        private boolean mayHaveActed;
        private int sent;
        private int attemptsUsed;
        private String lastFailure = "no request sent";
        private String lastAnswer;
        private Throwable lastCause;

        Call(String endpoint, CallKind kind, BooleanSupplier mayLeave, Attempt<T> attempt) {
            this.endpoint = endpoint;
            this.kind = kind;
            this.mayLeave = mayLeave;
            this.attempt = attempt;
            this.deadline = nanoTicker.getAsLong() + retry.callDeadline().toNanos();
        }

        T run() {
            while (true) {
                try {
                    T result = sendWhenAdmitted();
                    limiter.onSuccess();
                    return result;
                } catch (UnusableAnswer answer) {
                    remember(answer.getMessage(), answer.rawAnswer(), answer);
                    if (answer.kind() == UnusableAnswer.Kind.THROTTLED) {
                        metrics.throttled(endpoint);
                        limiter.onThrottled();
                    }
                    proceed(NextStep.afterAnswer(kind, answer.kind()), answer.retryAfter().orElse(null));
                } catch (IOException e) {
                    remember(e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
                    proceed(NextStep.afterNoAnswer(kind, e), null);
                }
            }
        }

        private T sendWhenAdmitted() throws IOException, UnusableAnswer {
            try {
                if (!inFlight.tryAcquire(Math.max(0, deadline - nanoTicker.getAsLong()), TimeUnit.NANOSECONDS)) {
                    throw giveUp("; no free request slot before the call deadline");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw giveUp("; interrupted");
            }
            try {
                waitOrGiveUp(limiter.reserve());
                if (!mayLeave.getAsBoolean()) {
                    throw mayHaveActed ? new AmbiguousOutcomeException(endpoint, lastFailure + "; held back before"
                            + " trying again", lastAnswer, lastCause) : new PlatformNotSentException(endpoint);
                }
                sent++;
                return observed();
            } finally {
                inFlight.release();
            }
        }

        private T observed() throws IOException, UnusableAnswer {
            String outcome = "refused";
            metrics.inFlight(1);
            try {
                T result = attempt.send();
                outcome = "success";
                return result;
            } catch (UnusableAnswer answer) {
                outcome = answer.kind().name().toLowerCase(Locale.ROOT);
                throw answer;
            } catch (IOException e) {
                outcome = "no_answer";
                throw e;
            } finally {
                metrics.inFlight(-1);
                metrics.requestEnded(endpoint, outcome);
            }
        }

        /** @param retryAfter the platform's Retry-After, which this call waits instead of a backoff; null if none */
        private void proceed(NextStep step, Duration retryAfter) {
            switch (step) {
                case AMBIGUOUS -> throw lastCause instanceof IOException
                        ? new AmbiguousOutcomeException(endpoint, lastCause)
                        : new AmbiguousOutcomeException(endpoint, lastFailure, lastAnswer, lastCause);
                case RETRY -> {
                    mayHaveActed = true;
                    if (++attemptsUsed >= retry.maxAttempts()) {
                        throw giveUp("");
                    }
                    metrics.retried(endpoint);
                }
                case WAIT_THROTTLED -> { }
            }
            Duration wait = retryAfter != null ? retryAfter
                    : Duration.ofNanos((long) (jitter.getAsDouble() * retry.backoffCeiling(sent).toNanos()));
            log.debug("{}: {} (request {}); next try in {} ms", endpoint, lastFailure, sent, wait.toMillis());
            waitOrGiveUp(wait);
        }

        private void waitOrGiveUp(Duration wait) {
            if (nanoTicker.getAsLong() + wait.toNanos() > deadline) {
                throw giveUp("; waiting " + wait.toMillis() + " ms more would pass the call deadline of "
                        + retry.callDeadline());
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw giveUp("; interrupted");
            }
        }

        private void remember(String failure, String answer, Throwable cause) {
            lastFailure = failure;
            lastAnswer = answer;
            lastCause = cause;
        }

        private PlatformUnavailableException giveUp(String why) {
            return new PlatformUnavailableException(endpoint, sent, lastFailure + why, lastAnswer, lastCause);
        }
    }
}
