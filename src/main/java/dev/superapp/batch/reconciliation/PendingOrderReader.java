package dev.superapp.batch.reconciliation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code reconcileOrdersStep}'s reader: PENDING orders by key ({@code id > last}), a page at a time, with
 * the next page fetched in the background while the current chunk's orders are asked about. The chunk's
 * requests only start once the whole chunk is read, so a page read in the foreground is time with nothing
 * in flight; measured, it was the largest such pause per chunk.
 *
 * <p>Keys, not offsets: orders leave PENDING while the job runs. The position saved with each chunk is the
 * last order handed to the step, never the prefetched page, so a restart resumes after the last commit.
 * {@link #read} is called from the step's thread only.
 */
final class PendingOrderReader implements ItemStreamReader<PendingOrder> {

    static final String AFTER_KEY = "pendingOrders.after";
    private static final String PAGE = """
            SELECT id, out_trade_no, trade_no, open_id, amount, currency, created_at FROM payment_order
            WHERE status = 'PENDING' AND id > ? ORDER BY id LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final int pageSize;
    private ExecutorService prefetcher;
    private CompletableFuture<List<PendingOrder>> nextPage;
    private Iterator<PendingOrder> page = Collections.emptyIterator();
    private long lastRead;

    PendingOrderReader(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        lastRead = executionContext.getLong(AFTER_KEY, 0);
        prefetcher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pending-orders-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        nextPage = fetchAfter(lastRead);
    }

    @Override
    public PendingOrder read() {
        if (!page.hasNext()) {
            if (nextPage == null) {
                return null;
            }
            List<PendingOrder> rows = await(nextPage);
            nextPage = rows.size() < pageSize ? null : fetchAfter(rows.get(rows.size() - 1).id());
            page = rows.iterator();
            if (!page.hasNext()) {
                return null;
            }
        }
        PendingOrder order = page.next();
        lastRead = order.id();
        return order;
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(AFTER_KEY, lastRead);
    }

    @Override
    public void close() {
        if (prefetcher != null) {
            prefetcher.shutdownNow();
            prefetcher = null;
        }
        nextPage = null;
        page = Collections.emptyIterator();
    }

    private CompletableFuture<List<PendingOrder>> fetchAfter(long id) {
        return CompletableFuture.supplyAsync(() -> jdbc.query(PAGE, (rs, row) -> new PendingOrder(rs.getLong("id"),
                rs.getString("out_trade_no"), rs.getString("trade_no"), rs.getString("open_id"), rs.getLong("amount"),
                rs.getString("currency"), rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                id, pageSize), prefetcher);
    }

    /** The page, or the failure of its query as it was thrown (a DataAccessException, say). */
    private static List<PendingOrder> await(CompletableFuture<List<PendingOrder>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
