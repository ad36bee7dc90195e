package dev.superapp.batch.campaign.callback;

import java.util.List;

/**
 * What one verified card-form callback says of the recipients of its request.
 *
 * @param timeStamp the callback's own {@code timeStamp} (epoch ms): which of two callbacks is the newer
 * @param sign      with {@code requestId}, what makes a delivery of the same callback recognisable
 * @param detail    why the {@code rejected} recipients were refused, for their report line
 */
record CallbackVerdict(String requestId, String sign, long timeStamp, List<String> sent, List<String> rejected,
                       String detail) {
}
