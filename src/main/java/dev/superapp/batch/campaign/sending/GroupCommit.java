package dev.superapp.batch.campaign.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Commits the records of many sender threads together, and returns to each only once its own record is
 * committed: a database's group commit, in front of the database. While one thread commits a group, the
 * records that arrive wait, and the first of them then commits all of them in one transaction. With one
 * thread it is a plain commit; with 32 senders, one commit serves as many records as arrived during the
 * last one, so commits stop being the send step's ceiling.
 *
 * <p>When the group's transaction fails, it rolled back whole, and every thread commits its own record
 * alone: the record that broke the group gets its own exception, and the others are committed as before.
 *
 * @param <T> one record, e.g. a request about to be sent
 */
final class GroupCommit<T> {

    private final Consumer<List<T>> together;
    private final Consumer<T> alone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupEnded = lock.newCondition();
    private List<Waiting<T>> waiting = new ArrayList<>();
    private boolean committing;

    /**
     * @param together commits a group of records in one transaction, or throws and commits none
     * @param alone    commits one record in a transaction of its own, or throws why it cannot
     */
    GroupCommit(Consumer<List<T>> together, Consumer<T> alone) {
        this.together = together;
        this.alone = alone;
    }

    /** Returns once {@code record} is committed; throws what committing it alone threw. */
    void commit(T record) {
        Waiting<T> mine = new Waiting<>(record);
        List<Waiting<T>> group;
        lock.lock();
        try {
            waiting.add(mine);
            while (committing && !mine.ended) {
                // Uninterruptibly: a sender being shut down still has its record committed, or learns it was not.
                groupEnded.awaitUninterruptibly();
            }
            if (mine.ended) {
                group = null;
            } else {
                committing = true;
                group = waiting;
                waiting = new ArrayList<>();
            }
        } finally {
            lock.unlock();
        }
        if (group != null) {
            commitGroup(group);
        }
        if (!mine.committed) {
            alone.accept(record);
        }
    }

    private void commitGroup(List<Waiting<T>> group) {
        boolean committed = false;
        try {
            together.accept(group.stream().map(Waiting::record).toList());
            committed = true;
        } catch (RuntimeException groupFailed) {
            // Rolled back whole; each thread now commits its own record alone and gets its own answer.
        } finally {
            lock.lock();
            try {
                for (Waiting<T> each : group) {
                    each.committed = committed;
                    each.ended = true;
                }
                committing = false;
                groupEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A record waiting for its group's commit; its flags are guarded by the lock. */
    private static final class Waiting<T> {

        private final T record;
        private boolean ended;
        private boolean committed;

        Waiting(T record) {
            this.record = record;
        }

        T record() {
            return record;
        }
    }
}
