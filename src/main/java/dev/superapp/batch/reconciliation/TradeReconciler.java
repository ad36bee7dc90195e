package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.CloseAnswer;
import dev.superapp.batch.platform.PlatformException;
import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.platform.TradeNotFoundException;
import dev.superapp.batch.platform.TradePlatform;
import dev.superapp.batch.platform.TradeRef;
import dev.superapp.batch.reconciliation.OrderClassifier.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds out what really happened to one order: asks {@code tradedetail} (again while it says
 * processing), closes a stale trade and re-reads it, and decides the outcome. {@link #reconcile} does
 * it all for one order; the job splits it in two, {@link #ask} (reads only, started ahead of the chunk
 * that will own the order) and {@link #settle} (the close, run in the order's own chunk), so that an
 * answer thrown away at a crash never changed anything on the platform.
 *
 * <p>Money rule: a trade is closed only when it is still processing and older than
 * {@code closeAfter}, and the outcome after a close always comes from a fresh {@code tradedetail},
 * so a customer who paid at the last second ends MATCHED, never CLOSED. Thread-safe: many orders
 * of a chunk are reconciled at once. The {@link TradePlatform} hides which platform answers; one
 * that cannot close trades leaves a stale order processing until the platform expires it.
 */
final class TradeReconciler {

    private final TradePlatform platform;
    private final Clock clock;
    private final ReconciliationSettings settings;

    TradeReconciler(TradePlatform platform, Clock clock, ReconciliationSettings settings) {
        this.platform = platform;
        this.clock = clock;
        this.settings = settings;
    }

    /** Decides one order now, closing its trade if it is stale. */
    ReconciliationResult reconcile(PendingOrder order) throws InterruptedException {
        return settle(ask(order));
    }

    /** Reads only: {@code tradedetail}, again while it says processing. Safe to repeat and to throw away. */
    AskedOrder ask(PendingOrder order) throws InterruptedException {
        TradeRef trade = tradeOf(order);
        if (!platform.canAskAbout(trade)) {
            return AskedOrder.decided(new ReconciliationResult(order, Outcome.NO_TRADE_NO, null,
                    "the order has no trade number", ""));
        }
        Evidence evidence = new Evidence(clock);
        try {
            TradeDetail detail = pollWhileProcessing(order, trade, evidence);
            if (!OrderClassifier.belongsTo(order, detail)) {
                return AskedOrder.decided(decided(order, detail, OrderClassifier.foreignTrade(order, detail), evidence));
            }
            if (!detail.processing()) {
                return AskedOrder.decided(decided(order, detail, OrderClassifier.classify(order, detail), evidence));
            }
            if (!isStale(order)) {
                return AskedOrder.decided(new ReconciliationResult(order, Outcome.STILL_PROCESSING, detail,
                        "still processing after " + settings.pollAttempts() + " ask(s); not older than "
                                + settings.closeAfter(), evidence.toString()));
            }
            return AskedOrder.toClose(order, detail, evidence);
        } catch (PlatformException e) {
            return AskedOrder.decided(failed(order, e, evidence));
        }
    }

    /** The decision of an {@link #ask}: as it was, or, for a stale trade, after closing and re-reading it. */
    ReconciliationResult settle(AskedOrder asked) throws InterruptedException {
        if (!asked.needsClose()) {
            return asked.decided();
        }
        PendingOrder order = asked.order();
        try {
            return closeStale(order, tradeOf(order), asked.processing(), asked.evidence());
        } catch (PlatformException e) {
            return failed(order, e, asked.evidence());
        }
    }

    private static ReconciliationResult failed(PendingOrder order, PlatformException e, Evidence evidence) {
        if (e instanceof TradeNotFoundException) {
            evidence.add("tradedetail", e.rawAnswer());
            return new ReconciliationResult(order, Outcome.MISSING_ON_PLATFORM, null, e.getMessage(), evidence.toString());
        }
        evidence.add("error", e.rawAnswer());
        return new ReconciliationResult(order, Outcome.ERROR, null, e.getMessage(), evidence.toString());
    }

    private static TradeRef tradeOf(PendingOrder order) {
        return new TradeRef(order.outTradeNo(), order.tradeNo());
    }

    /** Asks again while the trade is processing; a trade of another order is not worth waiting for. */
    private TradeDetail pollWhileProcessing(PendingOrder order, TradeRef trade, Evidence evidence)
            throws InterruptedException {
        TradeDetail detail = read(trade, evidence);
        for (int ask = 2; ask <= settings.pollAttempts() && detail.processing()
                && OrderClassifier.belongsTo(order, detail); ask++) {
            Thread.sleep(settings.pollInterval().toMillis());
            detail = read(trade, evidence);
        }
        return detail;
    }

    private ReconciliationResult closeStale(PendingOrder order, TradeRef trade, TradeDetail processing,
                                            Evidence evidence) throws InterruptedException {
        Optional<CloseAttempt> attempted = attemptClose(trade, evidence);
        if (attempted.isEmpty()) {
            return decided(order, processing, new Verdict(Outcome.STILL_PROCESSING, "older than "
                    + settings.closeAfter() + ", but this platform cannot close trades; it expires them itself"), evidence);
        }
        CloseAttempt close = attempted.get();
        TradeDetail reread = rereadAfterClose(trade, close, evidence);
        Verdict verdict;
        if (reread.transactionStatus() == TradeDetail.CLOSED) {
            verdict = new Verdict(Outcome.CLOSED_STALE, "older than " + settings.closeAfter() + "; " + close.note()
                    + " and a fresh tradedetail confirmed closed");
        } else if (reread.processing()) {
            verdict = close.answeredFalse()
                    ? new Verdict(Outcome.STILL_PROCESSING, close.note() + "; a fresh tradedetail still says processing")
                    : new Verdict(Outcome.ERROR, close.note() + " but a fresh tradedetail still says processing");
        } else if (!OrderClassifier.belongsTo(order, reread)) {
            verdict = OrderClassifier.foreignTrade(order, reread);
        } else {
            Verdict fresh = OrderClassifier.classify(order, reread);
            verdict = new Verdict(fresh.outcome(), close.note() + "; a fresh tradedetail says: " + fresh.detail());
        }
        return decided(order, reread, verdict, evidence);
    }

    /**
     * The fresh read after a close. A platform may close after it answered (asynchronously): while the read
     * still says processing after a close that did not answer {@code false}, it is read again every
     * {@code pollInterval}, up to {@code pollAttempts} reads, so a lagging close ends CLOSED_STALE in this run
     * instead of ERROR, and the next run does not find it processing and close it a second time.
     */
    private TradeDetail rereadAfterClose(TradeRef trade, CloseAttempt close, Evidence evidence)
            throws InterruptedException {
        TradeDetail detail = read(trade, evidence);
        for (int read = 2; read <= settings.pollAttempts() && detail.processing() && !close.answeredFalse(); read++) {
            Thread.sleep(settings.pollInterval().toMillis());
            detail = read(trade, evidence);
        }
        return detail;
    }

    /** Empty when the platform has no close. */
    private Optional<CloseAttempt> attemptClose(TradeRef trade, Evidence evidence) {
        try {
            return platform.tradeClose(trade).map(answer -> {
                evidence.add("tradeclose", answer.rawAnswer());
                return new CloseAttempt(!answer.closed(), "tradeclose answered " + answer.closed());
            });
        } catch (PlatformException e) {
            // The close may or may not have happened: the fresh tradedetail decides, never this failure.
            evidence.add("tradeclose", e.rawAnswer());
            return Optional.of(new CloseAttempt(false, "tradeclose failed (" + e.getMessage() + ")"));
        }
    }

    private TradeDetail read(TradeRef trade, Evidence evidence) {
        TradeDetail detail = platform.tradeDetail(trade);
        evidence.add("tradedetail", detail.rawAnswer());
        return detail;
    }

    private boolean isStale(PendingOrder order) {
        Duration age = Duration.between(order.createdAt(), clock.instant());
        return age.compareTo(settings.closeAfter()) > 0;
    }

    private static ReconciliationResult decided(PendingOrder order, TradeDetail detail, Verdict verdict, Evidence evidence) {
        return new ReconciliationResult(order, verdict.outcome(), detail, verdict.detail(), evidence.toString());
    }

    /** How the {@code tradeclose} call went; {@code answeredFalse}: the platform said it could not close. */
    private record CloseAttempt(boolean answeredFalse, String note) {
    }
}
