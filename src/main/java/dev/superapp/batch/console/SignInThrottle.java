package dev.superapp.batch.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per user name and per client address, in this node's memory: after
 * {@value #FREE_FAILURES} failures in a row, each further attempt must wait, 30 seconds after the fifth failure,
 * doubling with each further one up to 15 minutes. A successful sign-in clears its user name's count, not its
 * address's (one valid account must not reset a guesser's address). Counts are forgotten 15 minutes after their
 * wait ends, so the map holds only recent guessers.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant waitUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this name, or this address, must still wait before its next attempt; zero when it may try now. */
    Duration waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(waitUntil(userKey(username)), waitUntil(addressKey(address)));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Counts a failed attempt for both and returns the wait it imposes now (zero while under the free failures). */
    Duration failed(String username, String address) {
        prune();
        Instant now = clock.instant();
        Instant until = later(count(userKey(username), now), count(addressKey(address), now));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** 30s, 60s, 2m, 4m, 8m, then 15m: for the fifth failure and on. */
    static Duration waitAfter(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private Instant count(String key, Instant now) {
        return failures.compute(key, (any, before) -> {
            boolean stale = before == null || before.waitUntil().isBefore(now.minus(LONGEST_WAIT));
            int count = stale ? 1 : before.count() + 1;
            return new Failures(count, now.plus(waitAfter(count)));
        }).waitUntil();
    }

    private Instant waitUntil(String key) {
        Failures known = failures.get(key);
        return known == null ? Instant.EPOCH : known.waitUntil();
    }

    private void prune() {
        if (failures.size() > PRUNE_ABOVE) {
            Instant forgotten = clock.instant().minus(LONGEST_WAIT);
            failures.values().removeIf(known -> known.waitUntil().isBefore(forgotten));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + ConsoleUsers.canonicalName(username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
