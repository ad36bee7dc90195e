package dev.superapp.batch.campaign.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService senders = Executors.newFixedThreadPool(3);
    private final CountDownLatch firstCommitHeld = new CountDownLatch(1);
    private final CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    private final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final List<String> alone = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopSenders() {
        releaseFirstCommit.countDown();
        senders.shutdownNow();
    }

    @Test
    void commitsTheRecordsThatArriveDuringACommitTogetherAndReturnsEachOnlyOnceItsOwnIsCommitted() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(this::commitTogether, record -> {
            throw new AssertionError("nothing failed, so nothing is committed alone");
        });

        CompletableFuture<Boolean> first = send(commit, "a");
        firstCommitHeld.await(60, TimeUnit.SECONDS);
        CompletableFuture<Boolean> second = send(commit, "b");
        CompletableFuture<Boolean> third = send(commit, "c");
        awaitWaiting(2);
        assertThat(second).isNotDone();
        releaseFirstCommit.countDown();

        assertThat(first.get(60, TimeUnit.SECONDS)).as("a was committed when its commit returned").isTrue();
        assertThat(second.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(third.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactly("a");
        assertThat(groups.get(1)).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void aGroupThatFailsIsCommittedRecordByRecordSoOnlyTheBrokenRecordFails() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(this::commitTogether, record -> {
            alone.add(record);
            if (record.equals("broken")) {
                throw new IllegalStateException("broken was claimed by another run");
            }
            committed.add(record);
        });

        CompletableFuture<Boolean> first = send(commit, "a");
        firstCommitHeld.await(60, TimeUnit.SECONDS);
        CompletableFuture<Boolean> broken = send(commit, "broken");
        CompletableFuture<Boolean> fine = send(commit, "c");
        awaitWaiting(2);
        releaseFirstCommit.countDown();

        assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fine.get(60, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> broken.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("broken was claimed by another run");
        assertThat(alone).containsExactlyInAnyOrder("broken", "c");
        assertThat(committed).containsExactlyInAnyOrder("a", "c");
    }

    /** The first group is held open until the test releases it; a group with "broken" in it fails whole. */
    private void commitTogether(List<String> group) {
        groups.add(group);
        if (group.contains("a")) {
            firstCommitHeld.countDown();
            try {
                releaseFirstCommit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (group.contains("broken")) {
            throw new IllegalStateException("the group's transaction failed");
        }
        committed.addAll(group);
    }

    /** Commits {@code record} on a sender thread; true when it was committed by the time commit returned. */
    private CompletableFuture<Boolean> send(GroupCommit<String> commit, String record) {
        return CompletableFuture.supplyAsync(() -> {
            commit.commit(record);
            return committed.contains(record);
        }, senders);
    }

    private void awaitWaiting(int senders) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getValue().length > 0 && thread.getKey().getState() == Thread.State.WAITING)
                .filter(thread -> List.of(thread.getValue()).stream()
                        .anyMatch(frame -> frame.getClassName().equals(GroupCommit.class.getName())))
                .count() == senders);
    }
}
