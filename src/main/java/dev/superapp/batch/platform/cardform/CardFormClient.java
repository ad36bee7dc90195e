package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.PayloadReader;
import dev.superapp.batch.platform.PlatformCalls;
import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.PlatformRejectedException;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.PlatformUnavailableException;
import dev.superapp.batch.platform.ResilientCaller;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The card-form OpenAPI (seed 003): dynamic card material for card uniqueIds. One instance per
 * configured card form; thread-safe. Credentials are checked on the first call, so an
 * application that never sends card forms starts without them; a base URL that may not be
 * trusted is refused at once.
 */
public class CardFormClient {

    /** Names the card form in the limiter's gauges. */
    public static final String PLATFORM_ID = "cardform";

    /** The platform takes at most this many {@code uniqueIds} in one request. */
    public static final int MAX_RECIPIENTS = 50;

    private final CardFormData data;
    private final CardFormAnswerReader answers;
    private final PlatformCalls<CardFormRequests> calls;

    /**
     * @param transport the shared transport, whose timeouts bound each attempt
     * @param caller    the in-flight bound, rate limit and retries toward this platform
     * @param clock     supplies the {@code timeStamp} of each request
     * @throws PlatformNotConfiguredException {@code cardform.base-url} is set but may not be trusted
     */
    public CardFormClient(CardFormProperties properties, PlatformTransport transport, JsonMapper json,
                          ResilientCaller caller, Clock clock) {
        this.data = new CardFormData(json);
        this.answers = new CardFormAnswerReader(json);
        this.calls = new PlatformCalls<>(transport, caller, CardFormProperties.BASE_URL, properties.baseUrl(),
                () -> CardFormRequests.configured(properties, transport, json, clock));
    }

    /**
     * {@code POST /cardform/cmd/sendCardForm}. Safe to repeat with the same {@code requestId}: the
     * platform de-duplicates by it, so after an ambiguous failure (5xx, timeout, dropped connection,
     * unreadable answer) the same request is sent again within the retry budget; it never becomes UNKNOWN.
     *
     * @param requestId chosen by the caller, deterministic for the chunk, never reused for other content
     * @param uniqueIds 1 to {@value #MAX_RECIPIENTS} distinct recipients
     * @throws IllegalArgumentException       bad arguments; nothing was sent
     * @throws PlatformRejectedException      refused (its {@code status()} is the platform's code, e.g. 10005)
     * @throws PlatformUnavailableException   no usable answer within the retry budget
     * @throws PlatformNotConfiguredException cardform.* settings are missing
     */
    public CardFormSendResult sendCardForm(String requestId, CardFormContent content, List<String> uniqueIds) {
        return sendCardForm(requestId, content, uniqueIds, ResilientCaller.ALWAYS);
    }

    /**
     * {@link #sendCardForm(String, CardFormContent, List)}, asking {@code mayLeave} before each attempt leaves.
     *
     * @throws dev.superapp.batch.platform.PlatformNotSentException  held back: nothing reached the platform
     * @throws dev.superapp.batch.platform.AmbiguousOutcomeException held back before a retry of an attempt that may
     *                                                               have acted
     */
    public CardFormSendResult sendCardForm(String requestId, CardFormContent content, List<String> uniqueIds,
                                           BooleanSupplier mayLeave) {
        checkRecipients(uniqueIds);
        return exchange(CardFormEndpoint.SEND, requestId, data.send(content, uniqueIds), mayLeave, CardFormResultReader::send);
    }

    /** {@code POST /cardform/cmd/getCardForm}, retried while the answer is not trustworthy. Same exceptions. */
    public CardFormQueryResult getCardForm(String requestId, CardFormQuery query) {
        return exchange(CardFormEndpoint.GET, requestId, data.query(query), ResilientCaller.ALWAYS, CardFormResultReader::query);
    }

    private <T> T exchange(PlatformEndpoint endpoint, String requestId, String dataJson, BooleanSupplier mayLeave,
                           PayloadReader<T> reader) {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId is empty");
        }
        return calls.call(endpoint, mayLeave, requests -> requests.build(endpoint, requestId, dataJson),
                answer -> reader.read(answers.data(endpoint, answer), answer.body()));
    }

    /**
     * Checks the credentials, base URL and time zone before a run starts, so a missing setting is
     * reported as such rather than as a failed job.
     *
     * @throws PlatformNotConfiguredException naming the first missing or unusable property
     */
    public void requireConfigured() {
        calls.configured();
    }

    private static void checkRecipients(List<String> uniqueIds) {
        if (uniqueIds == null || uniqueIds.isEmpty() || uniqueIds.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("a card form takes 1 to " + MAX_RECIPIENTS + " uniqueIds, got "
                    + (uniqueIds == null ? 0 : uniqueIds.size()));
        }
        Set<String> seen = new HashSet<>();
        for (String uniqueId : uniqueIds) {
            if (uniqueId == null || uniqueId.isBlank()) {
                throw new IllegalArgumentException("not a usable uniqueId: '" + uniqueId + "'");
            }
            // The platform's answer lists ids, not positions: a repeated id could not be told apart.
            if (!seen.add(uniqueId)) {
                throw new IllegalArgumentException("uniqueId " + uniqueId + " is given twice");
            }
        }
    }
}
