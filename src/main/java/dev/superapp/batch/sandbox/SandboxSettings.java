package dev.superapp.batch.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SandboxServer} behaves: where it listens, which mini app it accepts, how slow and
 * how unreliable it is. Build one with {@link #defaults} and the {@code with...} methods.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param appId             the only {@code appid} accepted
 * @param secret            verifies {@code sign}; never logged, echoed or printed
 * @param latency           added before every answer
 * @param faultRates        random faults, drawn from a {@link java.util.Random} seeded with {@code seed}
 * @param timeoutHang       how long a {@link Fault#TIMEOUT} holds the connection before dropping it
 * @param seed              seeds the random faults, so a sequential run is reproducible
 * @param capacityPerSecond requests per second above which the sandbox answers HTTP 429 with
 *                          {@code Retry-After} (code 2 on the card form); 0 means unlimited
 * @param cardForm          the card form (seed 003) accepted on {@code /cardform/cmd/...}; null means the
 *                          card form {@link SandboxCardForm#DEFAULT_BIZ_ID} of the same mini app
 *                          ({@code miniappId} = {@code appId}), signed with the same secret
 * @param limiter           how requests are counted against {@code capacityPerSecond}; default a token bucket
 */
public record SandboxSettings(int port, String appId, String secret, Duration latency, FaultRates faultRates,
                              Duration timeoutHang, long seed, double capacityPerSecond, SandboxCardForm cardForm,
                              LimiterShape limiter) {

    public SandboxSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (appId == null || appId.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs an appId and a secret");
        }
        requireNonNegative("latency", latency);
        requireNonNegative("timeoutHang", timeoutHang);
        Objects.requireNonNull(faultRates, "faultRates");
        if (cardForm == null) {
            cardForm = new SandboxCardForm(appId, SandboxCardForm.DEFAULT_BIZ_ID, secret);
        }
        Objects.requireNonNull(limiter, "limiter");
        if (!(capacityPerSecond >= 0)) {
            throw new IllegalArgumentException("capacityPerSecond must be 0 (unlimited) or positive");
        }
    }

    /**
     * A free port, no latency, no faults, unlimited capacity, a 30 s timeout hang, seed 1, and the card
     * form {@link SandboxCardForm#DEFAULT_BIZ_ID} of the same mini app, signed with the same secret.
     */
    public static SandboxSettings defaults(String appId, String secret) {
        return new SandboxSettings(0, appId, secret, Duration.ZERO, FaultRates.NONE, Duration.ofSeconds(30), 1, 0,
                null, LimiterShape.BUCKET);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(newPort, appId, secret, latency, faultRates, timeoutHang, seed, capacityPerSecond,
                cardForm, limiter);
    }

    public SandboxSettings withLatency(Duration newLatency) {
        return new SandboxSettings(port, appId, secret, newLatency, faultRates, timeoutHang, seed, capacityPerSecond,
                cardForm, limiter);
    }

    public SandboxSettings withFaultRates(FaultRates newRates) {
        return new SandboxSettings(port, appId, secret, latency, newRates, timeoutHang, seed, capacityPerSecond,
                cardForm, limiter);
    }

    public SandboxSettings withTimeoutHang(Duration newHang) {
        return new SandboxSettings(port, appId, secret, latency, faultRates, newHang, seed, capacityPerSecond,
                cardForm, limiter);
    }

    public SandboxSettings withSeed(long newSeed) {
        return new SandboxSettings(port, appId, secret, latency, faultRates, timeoutHang, newSeed, capacityPerSecond,
                cardForm, limiter);
    }

    public SandboxSettings withCapacityPerSecond(double newCapacity) {
        return new SandboxSettings(port, appId, secret, latency, faultRates, timeoutHang, seed, newCapacity, cardForm,
                limiter);
    }

    /** Counts requests against the capacity as {@code newLimiter} does. */
    public SandboxSettings withLimiter(LimiterShape newLimiter) {
        return new SandboxSettings(port, appId, secret, latency, faultRates, timeoutHang, seed, capacityPerSecond,
                cardForm, newLimiter);
    }

    public SandboxSettings withCardForm(SandboxCardForm newCardForm) {
        return new SandboxSettings(port, appId, secret, latency, faultRates, timeoutHang, seed, capacityPerSecond,
                newCardForm, limiter);
    }

    private static void requireNonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }

    @Override
    public String toString() {
        return "SandboxSettings[port=" + port + ", appId=" + appId + ", secret=****, latency=" + latency
                + ", faultRates=" + faultRates + ", timeoutHang=" + timeoutHang + ", seed=" + seed
                + ", capacityPerSecond=" + capacityPerSecond + ", cardForm=" + cardForm + ", limiter=" + limiter + "]";
    }
}
