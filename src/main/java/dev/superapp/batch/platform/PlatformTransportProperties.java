package dev.superapp.batch.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an answer must come over, and how much of it we read, before anything in it is trusted.
 *
 * @param allowHttp     plain {@code http://} base URLs to other machines; off, since anyone on the path
 *                      could then forge answers we act on (a paid trade, a delivered push). Loopback
 *                      addresses (the sandbox) are always allowed
 * @param maxAnswerSize the largest answer body read; a larger one is refused without being read whole.
 *                      A page of trade detail or a push answer is a few KiB, so 1 MiB is far above any
 *                      honest answer and far below what could exhaust the heap of many senders at once
 */
@ConfigurationProperties("platform")
public record PlatformTransportProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("1MB") DataSize maxAnswerSize) {

    /** The defaults, for clients built outside Spring (tests, benchmarks). */
    public static final PlatformTransportProperties DEFAULTS = new PlatformTransportProperties(false, DataSize.ofMegabytes(1));

    public PlatformTransportProperties {
        if (maxAnswerSize == null || maxAnswerSize.toBytes() < 1) {
            throw new IllegalArgumentException("must be at least 1B");
        }
    }
}
