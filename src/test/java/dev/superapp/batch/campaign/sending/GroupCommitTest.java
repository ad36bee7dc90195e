package dev.superapp.batch.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int RECORDS_PER_THREAD = 50;

    private final Set<Integer> committed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger transactions = new AtomicInteger();
    private final List<Integer> groupSizes = new CopyOnWriteArrayList<>();

    @Test
    void everyRecordIsCommittedOnceAndEachSenderGetsItsOwnAnswerWhileCommitsServeManyRecords() throws Exception {
        GroupCommit<Integer, String> commits = new GroupCommit<>(this::together, this::alone);

        List<List<String>> answers = fromThreads(thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                mine.add(commits.commit(thread * 1000 + i));
            }
            return mine;
        });

        for (int thread = 0; thread < THREADS; thread++) {
            for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                assertThat(answers.get(thread).get(i)).isEqualTo("committed " + (thread * 1000 + i));
            }
        }
        assertThat(committed).hasSize(THREADS * RECORDS_PER_THREAD);
        // Sixteen senders whose commits take 2 ms each: commits carried several records, or grouping is broken.
        assertThat(transactions.get()).isLessThan(THREADS * RECORDS_PER_THREAD / 2);
        assertThat(groupSizes).anySatisfy(size -> assertThat(size).isGreaterThan(1));
    }

    @Test
    void aGroupThatFailsIsCommittedRecordByRecordAndOnlyTheBrokenRecordsSenderGetsTheException() throws Exception {
        int broken = 7 * 1000 + 3;
        GroupCommit<Integer, String> commits = new GroupCommit<>(group -> {
            if (group.contains(broken)) {
                throw new IllegalStateException("rolled back: " + broken + " was claimed by another run");
            }
            return together(group);
        }, record -> {
            if (record == broken) {
                throw new IllegalStateException(record + " was claimed by another run");
            }
            return alone(record);
        });

        List<List<String>> answers = fromThreads(thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                int record = thread * 1000 + i;
                try {
                    mine.add(commits.commit(record));
                } catch (IllegalStateException refused) {
                    mine.add("refused: " + refused.getMessage());
                }
            }
            return mine;
        });

        assertThat(answers.get(7).get(3)).isEqualTo("refused: " + broken + " was claimed by another run");
        assertThat(answers.stream().flatMap(List::stream).filter(answer -> answer.startsWith("refused"))).hasSize(1);
        assertThat(committed).hasSize(THREADS * RECORDS_PER_THREAD - 1).doesNotContain(broken);
    }

    @Test
    void aSenderAloneCommitsAloneAndGetsItsException() {
        GroupCommit<Integer, String> commits = new GroupCommit<>(group -> {
            throw new AssertionError("a single sender never forms a group");
        }, record -> {
            if (record < 0) {
                throw new IllegalArgumentException("negative: " + record);
            }
            return alone(record);
        });

        assertThat(commits.commit(1)).isEqualTo("committed 1");
        assertThatThrownBy(() -> commits.commit(-1)).isInstanceOf(IllegalArgumentException.class).hasMessage("negative: -1");
        assertThat(commits.commit(2)).isEqualTo("committed 2");
        assertThat(committed).containsExactlyInAnyOrder(1, 2);
    }

    private List<String> together(List<Integer> group) {
        pause();
        transactions.incrementAndGet();
        groupSizes.add(group.size());
        group.forEach(record -> assertThat(committed.add(record)).as("committed twice: %s", record).isTrue());
        return group.stream().map(record -> "committed " + record).toList();
    }

    private String alone(Integer record) {
        pause();
        transactions.incrementAndGet();
        groupSizes.add(1);
        assertThat(committed.add(record)).as("committed twice: %s", record).isTrue();
        return "committed " + record;
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Sender {
        List<String> send(int thread);
    }

    private static List<List<String>> fromThreads(Sender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int each = thread;
                futures.add(pool.submit(() -> sender.send(each)));
            }
            List<List<String>> answers = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
