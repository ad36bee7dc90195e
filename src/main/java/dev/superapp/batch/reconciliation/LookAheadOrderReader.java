package dev.superapp.batch.reconciliation;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code reconcileOrdersStep}'s reader: hands the step the PENDING orders by id, each already asked about
 * ({@link TradeReconciler#ask}). Asking starts as soon as an order is fetched, up to {@code lookAhead}
 * orders ahead of the step, on one thread per request the platform lets us have in flight (the platform
 * client bounds the requests themselves). So requests keep flowing while a chunk is processed, written and
 * committed: the pipe does not drain at a chunk boundary, and a chunk waits only for the answers it owns.
 *
 * <p>Restart: the position saved with each chunk is the last order handed to the step, never the
 * look-ahead's, so a restart resumes after the last commit. The look-ahead only reads ({@code tradedetail});
 * closing a stale trade is left to the chunk that owns the order ({@link TradeReconciler#settle}, in the
 * processor), so answers thrown away when a run fails changed nothing on the platform. The orders they were
 * about are asked again by the restart: at most {@code lookAhead} of them beyond the failed chunk.
 * {@link #open}, {@link #read}, {@link #update} and {@link #close} are called from the step's thread.
 */
final class LookAheadOrderReader implements ItemStreamReader<AskedOrder> {

    static final String AFTER_KEY = "pendingOrders.after";
    /** Stands after the last order in {@link #asked}. */
    private static final CompletableFuture<AskedOrder> END = CompletableFuture.completedFuture(null);

    private final JdbcTemplate jdbc;
    private final TradeReconciler reconciler;
    private final int lookAhead;
    private final int askers;
    private final BlockingQueue<CompletableFuture<AskedOrder>> asked = new LinkedBlockingQueue<>();
    private Semaphore window;
    private ExecutorService askerPool;
    private Thread feeder;
    private long lastHanded;
    private boolean ended;

    /**
     * @param lookAhead orders asked about and not yet handed to the step, at most; also the page size
     * @param askers    threads asking, one per request allowed in flight
     */
    LookAheadOrderReader(JdbcTemplate jdbc, TradeReconciler reconciler, int lookAhead, int askers) {
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.lookAhead = lookAhead;
        this.askers = askers;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        lastHanded = executionContext.getLong(AFTER_KEY, 0);
        ended = false;
        asked.clear();
        window = new Semaphore(lookAhead);
        askerPool = Executors.newFixedThreadPool(askers, daemonThreads("reconcile-ask-"));
        PendingOrderPages pages = new PendingOrderPages(jdbc, lookAhead, lastHanded);
        feeder = daemonThreads("reconcile-look-ahead-").newThread(() -> feed(pages));
        feeder.start();
    }

    @Override
    public AskedOrder read() throws Exception {
        if (ended) {
            return null;
        }
        CompletableFuture<AskedOrder> next = asked.take();
        if (next == END) {
            ended = true;
            return null;
        }
        AskedOrder order = answerOf(next);
        window.release();
        lastHanded = order.order().id();
        return order;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(AFTER_KEY, lastHanded);
    }

    /** Stops asking; answers not handed to the step are dropped (they changed nothing on the platform). */
    @Override
    public void close() {
        if (feeder != null) {
            feeder.interrupt();
            askerPool.shutdownNow();
            feeder = null;
        }
        asked.clear();
    }

    /** On the feeder thread: fetches orders and starts asking about each while the window has room. */
    private void feed(PendingOrderPages pages) {
        try (pages) {
            while (true) {
                window.acquire();
                PendingOrder order = pages.next();
                if (order == null) {
                    asked.add(END);
                    return;
                }
                asked.add(CompletableFuture.supplyAsync(() -> ask(order), askerPool));
            }
        } catch (InterruptedException e) {
            // The step closed the reader: nothing more to ask.
        } catch (RuntimeException e) {
            // A failed page query fails the step when it reaches this point of the order stream.
            asked.add(CompletableFuture.failedFuture(e));
        }
    }

    private AskedOrder ask(PendingOrder order) {
        try {
            return reconciler.ask(order);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("asking about order " + order.outTradeNo() + " was interrupted", e);
        }
    }

    /** The answer, or the failure of asking as it was thrown. */
    private static AskedOrder answerOf(CompletableFuture<AskedOrder> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
