package dev.superapp.batch.reconciliation.review;

import dev.superapp.batch.reconciliation.AuditEntry;
import dev.superapp.batch.reconciliation.OrderAudit;
import dev.superapp.batch.reconciliation.OrderRecheck;
import dev.superapp.batch.reconciliation.OrderStatus;
import dev.superapp.batch.reconciliation.PendingOrder;
import dev.superapp.batch.reconciliation.ReconciliationResult;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves an open order of the {@link ExceptionsQueue}, from the console or {@code resolve}: sets the status
 * the person chose (or, for a re-check, the one the reconciliation decides from a fresh answer) and appends
 * the resolution to {@link OrderAudit} with who, when, the status before and after, the reason and what the
 * platform said at that moment, in one transaction. The platform is asked before the transaction, and the
 * status moves only if nobody moved it meanwhile. The unique PAID-trade index refuses a second order paid by
 * one trade.
 */
@Service
public class OrderResolver {

    /** What a resolution did. */
    public record Resolved(String outTradeNo, Resolution resolution, String statusBefore, String statusAfter,
                           String outcome, String detail) {
    }

    private final ExceptionsQueue queue;
    private final OrderRecheck recheck;
    private final OrderAudit audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OrderResolver(ExceptionsQueue queue, OrderRecheck recheck, OrderAudit audit, JdbcClient jdbc,
                  PlatformTransactionManager transactionManager) {
        this.queue = queue;
        this.recheck = recheck;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * @param actor who: {@code console:<user>} or {@code os:<user>}
     * @throws ResolutionRefusedException without a reason, for an order that is not open, or when the status
     *                                    cannot move as asked
     */
    public Resolved resolve(String outTradeNo, Resolution resolution, String reason, String actor)
            throws InterruptedException {
        if (reason == null || reason.isBlank()) {
            throw new ResolutionRefusedException("a resolution needs a reason: say why " + outTradeNo + " is "
                    + resolution.done() + " (--reason=TEXT)");
        }
        OpenOrder order = queue.find(outTradeNo).orElseThrow(() -> notOpen(outTradeNo));
        PendingOrder asked = new PendingOrder(order.id(), order.outTradeNo(), order.tradeNo(), order.openId(),
                order.amount(), order.currency(), order.createdAt().toInstant(ZoneOffset.UTC));
        String after;
        String outcome = null;
        String detail = resolution.done();
        String answer;
        if (resolution == Resolution.RECHECK) {
            ReconciliationResult result = recheck.recheck(asked);
            OrderStatus decided = result.outcome().newStatus();
            // As the job: an outcome that leaves an order PENDING changes nothing, so a REVIEW order stays REVIEW.
            after = decided == OrderStatus.PENDING ? order.status() : decided.name();
            outcome = result.outcome().name();
            detail = result.detail();
            answer = result.evidence();
        } else {
            after = resolution.status().name();
            answer = recheck.currentAnswer(asked);
        }
        AuditEntry entry = new AuditEntry(0, order.id(), outTradeNo, AuditEntry.RESOLUTION, resolution.name(), actor,
                queue.now(), order.status(), after, null, null, reason.strip(), outcome, detail, answer);
        transaction.executeWithoutResult(status -> apply(order, entry));
        return new Resolved(outTradeNo, resolution, order.status(), after, outcome, detail);
    }

    private void apply(OpenOrder order, AuditEntry entry) {
        if (!entry.statusAfter().equals(order.status())) {
            int moved;
            try {
                moved = jdbc.sql("UPDATE payment_order SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                        .params(entry.statusAfter(), entry.changedAt(), order.id(), order.status())
                        .update();
            } catch (DuplicateKeyException e) {
                throw new ResolutionRefusedException("trade " + order.tradeNo() + " already pays another order; "
                        + "one payment pays one order, so " + order.outTradeNo() + " cannot be PAID too");
            }
            if (moved == 0) {
                throw new ResolutionRefusedException(order.outTradeNo() + " changed while it was being resolved; "
                        + "look at it again");
            }
        }
        audit.record(entry);
    }

    private ResolutionRefusedException notOpen(String outTradeNo) {
        return jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = ?").param(outTradeNo)
                .query(String.class).optional()
                .map(status -> new ResolutionRefusedException("order " + outTradeNo + " is " + status
                        + " and not open: only REVIEW orders, and PENDING ones after an ERROR or processing for more"
                        + " than a day, are resolved"))
                .orElseGet(() -> new ResolutionRefusedException("there is no order " + outTradeNo));
    }
}
