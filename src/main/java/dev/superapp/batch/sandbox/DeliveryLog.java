package dev.superapp.batch.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Every push delivered, in order. Notifications are never de-duplicated (each request shows
 * again); an activity card is shown once per {@code activityId} and recipient until a status-0
 * send withdraws it, which is the platform de-duplication that lets a campaign re-send a chunk.
 * Card forms are de-duplicated by {@code requestId} before they get here ({@link CardFormBook}).
 */
final class DeliveryLog {

    private record CardKey(String activityId, String openId) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final Set<CardKey> shownCards = new HashSet<>();
    private final Map<String, Long> requestsCarrying = new HashMap<>();

    synchronized void notified(List<String> openIds, Instant now) {
        carried(openIds);
        openIds.forEach(openId -> deliveries.add(new Delivery(OpenApiPaths.SEND_NOTIFY, openId, null, null, 1, now)));
    }

    synchronized void activity(String activityId, int status, List<String> openIds, Instant now) {
        carried(openIds);
        for (String openId : openIds) {
            CardKey card = new CardKey(activityId, openId);
            boolean changed = status == 1 ? shownCards.add(card) : shownCards.remove(card);
            // A withdrawal is recorded even for a card never shown: the platform acted on the request.
            if (changed || status == 0) {
                deliveries.add(new Delivery(OpenApiPaths.SEND_ACTIVITY, openId, activityId, null, status, now));
            }
        }
    }

    /** Card forms delivered; the {@link CardFormBook} already counted the request as {@link #carried}. */
    synchronized void cardForm(String requestId, List<String> uniqueIds, Instant now) {
        uniqueIds.forEach(id -> deliveries.add(new Delivery(OpenApiPaths.SEND_CARD_FORM, id, null, requestId, 1, now)));
    }

    /** How many accepted requests carried this recipient, de-duplicated or not: re-sends show here. */
    synchronized long requestsCarrying(String openId) {
        return requestsCarrying.getOrDefault(openId, 0L);
    }

    /** Counts an accepted request for each recipient it carried, whether or not it delivered anything. */
    synchronized void carried(List<String> openIds) {
        openIds.forEach(openId -> requestsCarrying.merge(openId, 1L, Long::sum));
    }

    synchronized List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    synchronized long visibleCount(String openId) {
        return deliveries.stream().filter(d -> d.visible() && d.openId().equals(openId)).count();
    }
}
