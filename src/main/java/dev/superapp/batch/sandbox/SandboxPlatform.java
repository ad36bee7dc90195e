package dev.superapp.batch.sandbox;

import dev.superapp.batch.platform.SuperAppSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state behind a running {@link SandboxServer}: its trades, the pushes and card forms it
 * delivered, the faults queued for the next requests and how many requests each endpoint
 * received. Tests script the platform and inspect what a job did to it through this class.
 * Thread-safe.
 */
public final class SandboxPlatform {

    /** Card uniqueIds starting with this are unknown to the card form, so samples can show refusals unscripted. */
    public static final String UNKNOWN_UNIQUE_ID_PREFIX = "unknown-";
    /** Card uniqueIds starting with this no longer exist: a request carrying one is refused with code 30001. */
    public static final String GONE_UNIQUE_ID_PREFIX = "gone-";

    private final Clock clock = Clock.systemUTC();
    private final TradeBook trades = new TradeBook(clock);
    private final DeliveryLog deliveries = new DeliveryLog();
    private final CardFormBook cardForms = new CardFormBook(deliveries);
    private final FaultInjector faults;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final List<RequestWatch> watches = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final LongAdder throttled = new LongAdder();

    SandboxPlatform(SandboxSettings settings) {
        this.faults = new FaultInjector(settings.faultRates(), settings.seed());
    }

    /** @throws IllegalArgumentException if its {@code tradeNo} or {@code outTradeNo} is already taken */
    public void addTrade(SandboxTrade trade) {
        trades.add(trade);
    }

    /** Adds all of them, or none if one {@code tradeNo} or {@code outTradeNo} is taken or repeated. */
    public void addTrades(Collection<SandboxTrade> newTrades) {
        trades.addAll(newTrades);
    }

    /** The trade's {@code transactionStatus} now, without counting a read. */
    public int transactionStatus(String tradeNo) {
        return trades.get(tradeNo).view().status();
    }

    /**
     * How many {@code tradedetail} reads of this trade the platform answered (faulted ones not included),
     * MOS {@code orderQuery} reads of its {@code outTradeNo} included.
     */
    public int detailReads(String tradeNo) {
        return trades.get(tradeNo).detailReads();
    }

    /** When the platform first answered a {@code tradedetail} read of this trade, if it did. */
    public Optional<Instant> firstDetailReadAt(String tradeNo) {
        return Optional.ofNullable(trades.get(tradeNo).firstReadAt());
    }

    /** How many {@code tradeclose} calls on this trade the platform acted on (faulted ones not included). */
    public int closeCalls(String tradeNo) {
        return trades.get(tradeNo).closeCalls();
    }

    /**
     * Makes the next {@code count} requests to {@code endpointPath} (one of {@link OpenApiPaths})
     * fail with {@code fault}, before any random fault is drawn.
     */
    public void failNext(String endpointPath, int count, Fault fault) {
        faults.failNext(endpointPath, count, fault);
    }

    /** Drops faults queued by {@link #failNext} that no request has used yet. */
    public void clearQueuedFaults() {
        faults.clearQueued();
    }

    /**
     * Makes the card form answer these uniqueIds in {@code errorUniqueId} from now on, never delivering
     * to them, as it does for ids starting with {@link #UNKNOWN_UNIQUE_ID_PREFIX}.
     */
    public void markUnknownUniqueIds(Collection<String> uniqueIds) {
        cardForms.markUnknown(uniqueIds);
    }

    /**
     * Makes the card form refuse, from now on, every request carrying one of these uniqueIds with code 30001 ("User
     * unique ID does not exist"), listing them in {@code errorUniqueId} and delivering nothing, as it does for ids
     * starting with {@link #GONE_UNIQUE_ID_PREFIX}.
     */
    public void markGoneUniqueIds(Collection<String> uniqueIds) {
        cardForms.markGone(uniqueIds);
    }

    /** Every push delivered so far, in order, withdrawals of activity cards and card forms included. */
    public List<Delivery> deliveries() {
        return deliveries.all();
    }

    /**
     * How many accepted push requests carried this recipient (an openId or a card's uniqueId), including
     * re-sends the platform de-duplicated.
     */
    public long requestsCarrying(String openId) {
        return deliveries.requestsCarrying(openId);
    }

    /** How many pushes this recipient (an openId or a card's uniqueId) saw: notifications, cards shown, card forms. */
    public long deliveryCount(String openId) {
        return deliveries.visibleCount(openId);
    }

    /** The most requests the sandbox was answering at the same moment, since the last {@link #resetPeak}. */
    public int peakConcurrentRequests() {
        return peakInFlight.get();
    }

    public void resetPeak() {
        peakInFlight.set(inFlight.get());
    }

    void requestStarted() {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    /** Every request that reached this endpoint, faulted, throttled and refused ones included. */
    public long requestCount(String endpointPath) {
        AtomicLong count = requests.get(endpointPath);
        return count == null ? 0 : count.get();
    }

    /**
     * Completes when the {@code nth} request (counted as {@link #requestCount} counts) reaches this endpoint,
     * before the platform acts on it, so a test can kill a client while that request and the others it
     * sent are in flight. Completes at once if that many already arrived.
     */
    public CompletableFuture<Void> whenRequestArrives(String endpointPath, long nth) {
        RequestWatch watch = new RequestWatch(endpointPath, nth, new CompletableFuture<>());
        watches.add(watch);
        if (requestCount(endpointPath) >= nth) {
            watch.arrived().complete(null);
            watches.remove(watch);
        }
        return watch.arrived();
    }

    /**
     * Every request answered as throttled, over capacity or by an injected fault: HTTP 429, or the card
     * form's code 2. Benchmarks compare it with {@link #requestCount} to see how hard a sender pressed.
     */
    public long throttledCount() {
        return throttled.sum();
    }

    void countThrottled() {
        throttled.increment();
    }

    void countRequest(String endpointPath) {
        long count = requests.computeIfAbsent(endpointPath, any -> new AtomicLong()).incrementAndGet();
        for (RequestWatch watch : watches) {
            if (watch.endpointPath().equals(endpointPath) && count >= watch.nth() && watch.arrived().complete(null)) {
                watches.remove(watch);
            }
        }
    }

    private record RequestWatch(String endpointPath, long nth, CompletableFuture<Void> arrived) {
    }

    FaultInjector faults() {
        return faults;
    }

    /** The dialect that answers each path, over this state. */
    Map<String, Dialect> dialects(SandboxSettings settings) {
        OpenApiDialect openApi = new OpenApiDialect(openApiRoutes(settings.appId()), new RequestAuthenticator(
                settings.appId(), new SuperAppSigner(settings.secret()), clock));
        CardFormDialect cardForm = new CardFormDialect(new CardFormAuthenticator(settings.cardForm()),
                new CardFormEndpoints(cardForms, clock));
        MosDialect mos = new MosDialect(settings.appId(), settings.secret(),
                new MosEndpoints(trades, settings.appId(), clock));
        Map<String, Dialect> byPath = new HashMap<>();
        openApi.paths().forEach(path -> byPath.put(path, openApi));
        cardForm.paths().forEach(path -> byPath.put(path, cardForm));
        mos.paths().forEach(path -> byPath.put(path, mos));
        return Map.copyOf(byPath);
    }

    /** The endpoints of seed 001 over this state, by path. */
    private Map<String, Route> openApiRoutes(String appId) {
        TradeEndpoints trade = new TradeEndpoints(trades, appId, clock);
        PushEndpoints push = new PushEndpoints(deliveries, clock);
        OAuthEndpoints oauth = new OAuthEndpoints();
        return Map.of(
                OpenApiPaths.ACCESS_TOKEN, Route.post(oauth::accessToken),
                OpenApiPaths.USER_INFO, Route.get(oauth::userInfo),
                OpenApiPaths.TRADE, Route.post(trade::create),
                OpenApiPaths.TRADE_DETAIL, Route.get(trade::detail),
                OpenApiPaths.TRADE_CLOSE, Route.post(trade::close),
                OpenApiPaths.SEND_NOTIFY, Route.post(push::sendNotify),
                OpenApiPaths.SEND_ACTIVITY, Route.post(push::sendActivity));
    }
}
