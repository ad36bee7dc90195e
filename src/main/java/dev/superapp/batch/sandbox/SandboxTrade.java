package dev.superapp.batch.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A trade the sandbox knows, with a script of how it answers.
 *
 * @param tradeNo        the platform's transaction number
 * @param outTradeNo     the merchant's order number
 * @param openId         the payer
 * @param amount         cents
 * @param currency       three upper-case letters
 * @param statuses       {@code transactionStatus} (1..6) of successive {@code tradedetail} reads; the
 *                       last one repeats. Empty when {@code alwaysFails}
 * @param closeBehaviour what {@code tradeclose} does while the trade is processing
 * @param alwaysFails    every {@code tradedetail} and {@code tradeclose} of this trade answers HTTP 500
 *                       (so a demo can show the ERROR outcome)
 */
public record SandboxTrade(String tradeNo, String outTradeNo, String openId, long amount, String currency,
                           List<Integer> statuses, CloseBehaviour closeBehaviour, boolean alwaysFails) {

    public SandboxTrade {
        requireText("tradeNo", tradeNo);
        requireText("outTradeNo", outTradeNo);
        requireText("openId", openId);
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative, got " + amount);
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be three upper-case letters, got " + currency);
        }
        statuses = List.copyOf(statuses);
        if (statuses.isEmpty() != alwaysFails) {
            throw new IllegalArgumentException("a trade needs a status script, unless it always fails");
        }
        if (statuses.stream().anyMatch(status -> status < 1 || status > 6)) {
            throw new IllegalArgumentException("transactionStatus values are 1..6, got " + statuses);
        }
        Objects.requireNonNull(closeBehaviour, "closeBehaviour");
    }

    /** A trade whose successive {@code tradedetail} reads answer {@code statuses}, the last one repeating. */
    public static SandboxTrade scripted(String tradeNo, String outTradeNo, String openId, long amount,
                                        String currency, CloseBehaviour closeBehaviour, Integer... statuses) {
        return new SandboxTrade(tradeNo, outTradeNo, openId, amount, currency, Arrays.asList(statuses),
                closeBehaviour, false);
    }

    /** A trade on which the platform always answers HTTP 500. */
    public static SandboxTrade failing(String tradeNo, String outTradeNo, String openId, long amount,
                                       String currency) {
        return new SandboxTrade(tradeNo, outTradeNo, openId, amount, currency, List.of(), CloseBehaviour.CLOSES,
                true);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
