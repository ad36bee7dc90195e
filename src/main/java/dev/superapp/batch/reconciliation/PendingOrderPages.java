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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PENDING orders by key ({@code id > last}), a page at a time, with the next page fetched in the
 * background while the current one is handed out, so that the page query is never time with fewer
 * orders being asked about. Keys, not offsets: orders leave PENDING while the job runs.
 * Used from one thread at a time: {@link #open}, then {@link #next} until null, then {@link #close}.
 */
final class PendingOrderPages implements AutoCloseable {

    private static final String PAGE = """
            SELECT id, out_trade_no, trade_no, open_id, amount, currency, created_at FROM payment_order
            WHERE status = 'PENDING' AND id > ? ORDER BY id LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final int pageSize;
    private final ExecutorService prefetcher;
    private CompletableFuture<List<PendingOrder>> nextPage;
    private Iterator<PendingOrder> page = Collections.emptyIterator();

    /** Starts fetching the first page of the orders after {@code afterId}. */
    PendingOrderPages(JdbcTemplate jdbc, int pageSize, long afterId) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
        this.prefetcher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pending-orders-prefetch");
            thread.setDaemon(true);
            return thread;
        });
        this.nextPage = fetchAfter(afterId);
    }

    /** The next PENDING order by id, or null when there is none. */
    PendingOrder next() {
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
        return page.next();
    }

    @Override
    public void close() {
        prefetcher.shutdownNow();
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
