package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.TradeDetail;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code status} of a MOS order ({@code orderQuery}) and the seed-001 {@code transactionStatus}
 * the reconciliation decides by. Seed 002 names the field but not its values; these are the order
 * states of the payment API MOS follows (the names WeChat-style pay APIs use with {@code prepayId}
 * and {@code nonceStr}), and the sandbox answers with them.
 *
 * <table>
 * <caption>MOS status to transactionStatus</caption>
 * <tr><th>MOS</th><th>meaning</th><th>transactionStatus</th></tr>
 * <tr><td>NOTPAY</td><td>created, not paid yet</td><td>1 processing</td></tr>
 * <tr><td>USERPAYING</td><td>the user is paying</td><td>1 processing</td></tr>
 * <tr><td>SUCCESS</td><td>paid</td><td>2 succeeded</td></tr>
 * <tr><td>PAYERROR</td><td>the payment failed</td><td>3 failed</td></tr>
 * <tr><td>EXPIRED</td><td>not paid before {@code expireTime}</td><td>4 expired</td></tr>
 * <tr><td>REVOKED</td><td>canceled by the user or merchant</td><td>5 canceled</td></tr>
 * <tr><td>CLOSED</td><td>closed unpaid</td><td>6 closed</td></tr>
 * </table>
 * Any other status (a refund, say) has no outcome in the reconciliation table: the order is
 * reported ERROR and left PENDING for a person, never guessed.
 */
enum MosOrderStatus {
    NOTPAY(TradeDetail.PROCESSING),
    USERPAYING(TradeDetail.PROCESSING),
    SUCCESS(TradeDetail.SUCCEEDED),
    PAYERROR(TradeDetail.FAILED),
    EXPIRED(TradeDetail.EXPIRED),
    REVOKED(TradeDetail.CANCELED),
    CLOSED(TradeDetail.CLOSED);

    private final int transactionStatus;

    MosOrderStatus(int transactionStatus) {
        this.transactionStatus = transactionStatus;
    }

    int transactionStatus() {
        return transactionStatus;
    }

    /** The status named exactly {@code text}, if MOS has one. */
    static Optional<MosOrderStatus> of(String text) {
        return Arrays.stream(values()).filter(status -> status.name().equals(text)).findFirst();
    }
}
