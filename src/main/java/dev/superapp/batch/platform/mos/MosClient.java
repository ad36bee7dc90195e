package dev.superapp.batch.platform.mos;

import dev.superapp.batch.platform.CloseAnswer;
import dev.superapp.batch.platform.PayloadReader;
import dev.superapp.batch.platform.PlatformCalls;
import dev.superapp.batch.platform.PlatformEndpoint;
import dev.superapp.batch.platform.PlatformTransport;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.platform.TradeDetail;
import dev.superapp.batch.platform.TradePlatform;
import dev.superapp.batch.platform.TradeRef;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MOS open-apis (seed 002): order queries for the reconciliation ({@code reconciliation.platform=mos}),
 * login code exchange and the application's own information. Thread-safe; credentials are checked on
 * the first call. MOS has no API to close an order: unpaid orders expire at their {@code expireTime}.
 */
public class MosClient implements TradePlatform {

    /** The value of {@code reconciliation.platform} that picks this client. */
    public static final String PLATFORM_ID = "mos";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MosAnswerReader answers;
    private final Supplier<String> nonces;
    private final PlatformCalls<MosRequests> calls;

    /**
     * @param transport the shared transport, whose timeouts bound each attempt
     * @param caller    the in-flight bound, rate limit and retries toward this platform
     * @param nonces    a fresh {@code nonceStr} for every request (the platform refuses replays)
     * @throws dev.superapp.batch.platform.PlatformNotConfiguredException {@code mos.base-url} is set but may not be trusted
     */
    public MosClient(MosProperties properties, PlatformTransport transport, JsonMapper json, ResilientCaller caller,
                     Supplier<String> nonces) {
        this.answers = new MosAnswerReader(json);
        this.nonces = nonces;
        this.calls = new PlatformCalls<>(transport, caller, MosProperties.BASE_URL, properties.baseUrl(),
                () -> MosRequests.configured(properties, transport, json));
    }

    /** 128 random bits as hex: unique enough that the platform never sees one twice. */
    public static String randomNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * {@code POST /open-apis/mp/v1/pay/orderQuery} by the merchant's {@code outTradeNo}, with its
     * status mapped as {@link MosOrderStatus} says; retried while the answer is not trustworthy.
     *
     * @throws dev.superapp.batch.platform.TradeNotFoundException MOS has no such order (code 404)
     * @throws UnmappedOrderStatusException a status with no reconciliation outcome
     * @throws dev.superapp.batch.platform.PlatformException     a refusal, or no usable answer
     */
    public TradeDetail orderQuery(String outTradeNo) {
        if (outTradeNo == null || outTradeNo.isBlank()) {
            throw new IllegalArgumentException("outTradeNo is empty");
        }
        return exchange(MosEndpoint.ORDER_QUERY, Map.of("outTradeNo", outTradeNo),
                (data, raw) -> MosOrderReader.read(data, outTradeNo, raw));
    }

    /** {@code POST /open-apis/mp/v1/auth/code2session}: the user behind a code from {@code mos.login}. */
    public MosSession code2session(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code is empty");
        }
        return exchange(MosEndpoint.CODE_TO_SESSION, Map.of("code", code), (data, raw) -> {
            JsonNode sessionKey = data.path("sessionKey");
            return new MosSession(MosFields.text(data, "openid", MosEndpoint.CODE_TO_SESSION, raw),
                    sessionKey.isString() ? sessionKey.stringValue() : null);
        });
    }

    /** {@code POST /open-apis/application/v1/getApplication}: this mini app as MOS knows it. */
    public MosApplication getApplication() {
        PlatformEndpoint endpoint = MosEndpoint.GET_APPLICATION;
        return exchange(endpoint, Map.of(), (data, raw) -> new MosApplication(
                MosFields.text(data, "appName", endpoint, raw), MosFields.text(data, "appKey", endpoint, raw),
                MosFields.optionalText(data, "description"), data.path("status").asBoolean(false),
                MosFields.optionalText(data, "notifyUrl")));
    }

    @Override
    public String id() {
        return PLATFORM_ID;
    }

    /** MOS is asked by the merchant's own {@code outTradeNo}, which every order has. */
    @Override
    public boolean canAskAbout(TradeRef trade) {
        return trade.outTradeNo() != null && !trade.outTradeNo().isBlank();
    }

    @Override
    public TradeDetail tradeDetail(TradeRef trade) {
        return orderQuery(trade.outTradeNo());
    }

    /** Always empty: seed 002 has no close; MOS expires unpaid orders itself. Nothing is sent. */
    @Override
    public Optional<CloseAnswer> tradeClose(TradeRef trade) {
        return Optional.empty();
    }

    @Override
    public void requireConfigured() {
        calls.configured();
    }

    private <T> T exchange(PlatformEndpoint endpoint, Map<String, String> fields, PayloadReader<T> reader) {
        return calls.call(endpoint, requests -> {
            Map<String, String> business = new LinkedHashMap<>();
            // Fresh for every attempt: a retry is a new request as far as replay protection goes.
            business.put("nonceStr", nonces.get());
            business.putAll(fields);
            return requests.build(endpoint, business);
        }, answer -> reader.read(answers.data(endpoint, answer), answer.body()));
    }
}
