package dev.superapp.batch.platform;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SuperApp OpenAPI (seed 001): trade queries and closing, notifications and activity cards.
 * One instance per configured platform; thread-safe. Credentials are checked on the first call,
 * so an application that never calls the platform starts without them; a base URL that may not be
 * trusted is refused at once.
 */
public class SuperAppClient implements TradePlatform {

    /** The value of {@code reconciliation.platform} that picks this client. */
    public static final String PLATFORM_ID = "superapp";

    /** The platform takes at most this many {@code openIds} in one push. */
    public static final int MAX_RECIPIENTS = 50;

    private final SuperAppAnswerReader answers;
    private final PlatformCalls<SuperAppRequests> calls;

    /**
     * @param transport the shared transport, whose timeouts bound each attempt
     * @param caller    the in-flight bound, rate limit and retries toward this platform
     * @param clock     supplies the {@code timestamp} of each request
     * @throws PlatformNotConfiguredException {@code superapp.base-url} is set but may not be trusted
     */
    public SuperAppClient(SuperAppProperties properties, PlatformTransport transport, JsonMapper json,
                          ResilientCaller caller, Clock clock) {
        this.answers = new SuperAppAnswerReader(json);
        this.calls = new PlatformCalls<>(transport, caller, SuperAppProperties.BASE_URL, properties.baseUrl(),
                () -> SuperAppRequests.configured(properties, transport, clock));
    }

    /**
     * {@code GET /neuopenapi/pay/transactions/tradedetail}, retried while the answer is not trustworthy.
     *
     * @throws TradeNotFoundException        the platform says the trade does not exist
     * @throws PlatformRejectedException     refused for a reason a retry cannot fix
     * @throws PlatformUnavailableException  no usable answer within the retry budget
     * @throws PlatformNotConfiguredException superapp.* credentials are missing
     */
    public TradeDetail tradeDetail(String tradeNo) {
        return exchange(SuperAppEndpoint.TRADE_DETAIL, tradeParameters(tradeNo),
                (response, raw) -> TradeDetailReader.read(response, tradeNo, raw));
    }

    /**
     * {@code POST /neuopenapi/pay/transactions/tradeclose}; safe to repeat (closing a closed trade changes
     * nothing, and the caller re-reads the detail before trusting it), so an ambiguous failure is retried.
     * Same exceptions as {@link #tradeDetail}.
     */
    public CloseAnswer tradeClose(String tradeNo) {
        return exchange(SuperAppEndpoint.TRADE_CLOSE, tradeParameters(tradeNo),
                (response, raw) -> new CloseAnswer(booleanAnswer(SuperAppEndpoint.TRADE_CLOSE, response, raw), raw));
    }

    @Override
    public String id() {
        return PLATFORM_ID;
    }

    /** SuperApp is asked by the platform's {@code tradeNo}. */
    @Override
    public boolean canAskAbout(TradeRef trade) {
        return trade.tradeNo() != null && !trade.tradeNo().isBlank();
    }

    /** {@link #tradeDetail(String)} of the order's {@code tradeNo}. */
    @Override
    public TradeDetail tradeDetail(TradeRef trade) {
        return tradeDetail(trade.tradeNo());
    }

    /** {@link #tradeClose(String)} of the order's {@code tradeNo}; never empty. */
    @Override
    public Optional<CloseAnswer> tradeClose(TradeRef trade) {
        return Optional.of(tradeClose(trade.tradeNo()));
    }

    /**
     * {@code POST /neuopenapi/notify/sendNotify}. Not safe to repeat: the platform cannot de-duplicate
     * it. Retried only when the platform surely did not act: a throttle answer (HTTP 429, status 429)
     * or a failure to connect. Any other failure once the request may have left — a 5xx of any kind,
     * status 500, a timeout, a dropped connection, an answer that cannot be read — ends the call with
     * {@link AmbiguousOutcomeException} after that one request: the caller records it UNKNOWN.
     *
     * @param openIds 1 to {@value #MAX_RECIPIENTS} recipients
     * @throws AmbiguousOutcomeException    sent, but no usable answer: it may or may not have been delivered
     * @throws PlatformRejectedException    refused, or the platform answered {@code false}
     * @throws PlatformUnavailableException throttled or unreachable until the call deadline; not delivered
     * @return the platform's answer as received, kept as evidence
     */
    public String sendNotify(NotifyMessage message, List<String> openIds) {
        return sendNotify(message, openIds, ResilientCaller.ALWAYS);
    }

    /**
     * {@link #sendNotify(NotifyMessage, List)}, asking {@code mayLeave} before the request leaves.
     *
     * @throws PlatformNotSentException held back: nothing reached the platform
     */
    public String sendNotify(NotifyMessage message, List<String> openIds, BooleanSupplier mayLeave) {
        return push(SuperAppEndpoint.SEND_NOTIFY, message.parameters(), openIds, mayLeave);
    }

    /**
     * {@code POST /neuopenapi/activity/sendActivity}; safe to repeat, as the platform de-duplicates
     * by {@code activityId}: an ambiguous failure (5xx, timeout, dropped connection, unreadable answer)
     * sends the same activity again within the retry budget, and never becomes UNKNOWN.
     *
     * @param openIds 1 to {@value #MAX_RECIPIENTS} recipients
     * @throws PlatformRejectedException    refused, or the platform answered {@code false}
     * @throws PlatformUnavailableException no usable answer within the retry budget
     * @return the platform's answer as received, kept as evidence
     */
    public String sendActivity(ActivityMessage message, List<String> openIds) {
        return sendActivity(message, openIds, ResilientCaller.ALWAYS);
    }

    /**
     * {@link #sendActivity(ActivityMessage, List)}, asking {@code mayLeave} before each attempt leaves.
     *
     * @throws PlatformNotSentException    held back: nothing reached the platform
     * @throws AmbiguousOutcomeException   held back before a retry of an attempt that may have acted
     */
    public String sendActivity(ActivityMessage message, List<String> openIds, BooleanSupplier mayLeave) {
        return push(SuperAppEndpoint.SEND_ACTIVITY, message.parameters(), openIds, mayLeave);
    }

    private String push(PlatformEndpoint endpoint, Map<String, String> parameters, List<String> openIds,
                        BooleanSupplier mayLeave) {
        parameters.put("openIds", joinRecipients(openIds));
        return exchange(endpoint, parameters, mayLeave, (response, raw) -> {
            if (!booleanAnswer(endpoint, response, raw)) {
                throw new PlatformRejectedException(endpoint.label(), 200, "the platform answered false", raw);
            }
            return raw;
        });
    }

    private <T> T exchange(PlatformEndpoint endpoint, Map<String, String> parameters, PayloadReader<T> reader) {
        return exchange(endpoint, parameters, ResilientCaller.ALWAYS, reader);
    }

    private <T> T exchange(PlatformEndpoint endpoint, Map<String, String> parameters, BooleanSupplier mayLeave,
                           PayloadReader<T> reader) {
        return calls.call(endpoint, mayLeave, requests -> requests.build(endpoint, parameters),
                answer -> reader.read(answers.payload(endpoint, answer), answer.body()));
    }

    /**
     * Checks the credentials and base URL before a run starts, so a missing setting is reported
     * as such rather than as a failed job.
     *
     * @throws PlatformNotConfiguredException naming the first missing or unusable property
     */
    @Override
    public void requireConfigured() {
        calls.configured();
    }

    private static Map<String, String> tradeParameters(String tradeNo) {
        if (tradeNo == null || tradeNo.isBlank()) {
            throw new IllegalArgumentException("tradeNo is empty");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("tradeNo", tradeNo);
        return parameters;
    }

    private static String joinRecipients(List<String> openIds) {
        if (openIds == null || openIds.isEmpty() || openIds.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("a push takes 1 to " + MAX_RECIPIENTS + " openIds, got "
                    + (openIds == null ? 0 : openIds.size()));
        }
        for (String openId : openIds) {
            // A comma inside one id would silently split it into two recipients on the platform.
            if (openId == null || openId.isBlank() || openId.indexOf(',') >= 0) {
                throw new IllegalArgumentException("not a usable openId: '" + openId + "'");
            }
        }
        return String.join(",", openIds);
    }

    private static boolean booleanAnswer(PlatformEndpoint endpoint, JsonNode response, String raw) throws UnusableAnswer {
        if (!response.isBoolean()) {
            throw UnusableAnswer.malformed(endpoint.label() + " answered a response that is not true or false", raw, null);
        }
        return response.booleanValue();
    }
}
