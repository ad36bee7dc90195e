package dev.superapp.batch.campaign.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Commits the records of many sender threads together, and returns to each only once its own record is
 * committed: a database's group commit, in front of the database. While one thread commits a group, the
 * records that arrive wait, and the first of them then commits all of them in one transaction. With one
 * sender it is a plain commit; with 32, one commit serves as many records as arrived during the last one,
 * so commits stop being the send step's ceiling.
 *
 * <p>When the group's transaction fails it rolled back whole, and every thread commits its own record
 * alone: the record that broke the group gets its own exception, and the others are committed as before.
 *
 * @param <T> one record, e.g. a request about to be sent
 * @param <R> what committing one record answers its sender
 */
final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> together;
    private final Function<T, R> alone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition groupEnded = lock.newCondition();
    private List<Waiting<T, R>> waiting = new ArrayList<>();
    private boolean committing;

    /**
     * @param together commits a group of records in one transaction and answers each, in order; or throws, and
     *                 then committed none
     * @param alone    commits one record in a transaction of its own, or throws why it cannot
     */
    GroupCommit(Function<List<T>, List<R>> together, Function<T, R> alone) {
        this.together = together;
        this.alone = alone;
    }

    /** Returns once {@code record} is committed, with what committing it answered; throws what committing it alone threw. */
    R commit(T record) {
        Waiting<T, R> mine = new Waiting<>(record);
        List<Waiting<T, R>> group;
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
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.committed ? mine.answer : alone.apply(record);
    }

    private void commitGroup(List<Waiting<T, R>> group) {
        List<R> answers = null;
        RuntimeException failure = null;
        try {
            if (group.size() == 1) {
                answers = new ArrayList<>(1);
                answers.add(alone.apply(group.get(0).record));
            } else {
                answers = together.apply(group.stream().map(Waiting::record).toList());
            }
        } catch (RuntimeException failed) {
            // A group rolled back whole: each thread now commits its own record alone and gets its own answer or
            // exception. A record alone failed for itself only.
            answers = null;
            failure = group.size() == 1 ? failed : null;
        } finally {
            lock.lock();
            try {
                for (int i = 0; i < group.size(); i++) {
                    Waiting<T, R> each = group.get(i);
                    each.committed = answers != null;
                    each.answer = answers == null ? null : answers.get(i);
                    each.failure = failure;
                    each.ended = true;
                }
                committing = false;
                groupEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A record waiting for its group's commit; its fields are guarded by the lock. */
    private static final class Waiting<T, R> {

        private final T record;
        private boolean ended;
        private boolean committed;
        private R answer;
        private RuntimeException failure;

        Waiting(T record) {
            this.record = record;
        }

        T record() {
            return record;
        }
    }
}
