package dev.superapp.batch.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The card forms the platform acted on. A {@code requestId} it already acted on is answered as the
 * first time and delivers nothing more, whatever the repeat carries: this is the platform's
 * de-duplication that lets a campaign re-send a chunk after a timeout. A uniqueId that was marked
 * unknown, or starts with {@link SandboxPlatform#UNKNOWN_UNIQUE_ID_PREFIX}, is never delivered and
 * comes back in {@code errorUniqueId}. A request carrying a uniqueId marked gone (or starting with
 * {@link SandboxPlatform#GONE_UNIQUE_ID_PREFIX}) is refused whole with code 30001, "User unique ID does not exist",
 * those ids listed in its {@code errorUniqueId}: the refusal that tells a sender to suppress them.
 */
final class CardFormBook {

    /** What one request did: the ids delivered and the ids refused, each in the order sent. */
    record Sent(List<String> successUniqueId, List<String> errorUniqueId) {
    }

    private final DeliveryLog deliveries;
    private final Set<String> unknown = new HashSet<>();
    private final Set<String> gone = new HashSet<>();
    private final Map<String, Sent> byRequestId = new HashMap<>();
    private final Map<String, String> latestText = new HashMap<>();

    CardFormBook(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    synchronized void markUnknown(Collection<String> uniqueIds) {
        unknown.addAll(uniqueIds);
    }

    synchronized void markGone(Collection<String> uniqueIds) {
        gone.addAll(uniqueIds);
    }

    /** A card that no longer exists: a request carrying it is refused whole with code 30001. */
    synchronized boolean isGone(String uniqueId) {
        return gone.contains(uniqueId) || uniqueId.startsWith(SandboxPlatform.GONE_UNIQUE_ID_PREFIX);
    }

    synchronized boolean isUnknown(String uniqueId) {
        return unknown.contains(uniqueId) || uniqueId.startsWith(SandboxPlatform.UNKNOWN_UNIQUE_ID_PREFIX);
    }

    /** Delivers {@code text} to the known ids, unless {@code requestId} was acted on before. */
    synchronized Sent send(String requestId, String text, List<String> uniqueIds, Instant now) {
        // Every accepted request counts, re-sends included, so a test can see a chunk was sent again.
        deliveries.carried(uniqueIds);
        Sent earlier = byRequestId.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        List<String> delivered = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        uniqueIds.forEach(id -> (isUnknown(id) ? refused : delivered).add(id));
        deliveries.cardForm(requestId, delivered, now);
        delivered.forEach(id -> latestText.put(id, text));
        Sent sent = new Sent(List.copyOf(delivered), List.copyOf(refused));
        byRequestId.put(requestId, sent);
        return sent;
    }

    /** The {@code text} last delivered to this card, if any. */
    synchronized Optional<String> latestText(String uniqueId) {
        return Optional.ofNullable(latestText.get(uniqueId));
    }
}
