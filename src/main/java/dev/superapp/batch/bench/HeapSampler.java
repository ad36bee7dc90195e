package dev.superapp.batch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peaks of the heap, sampled every 100 ms while it is open: the heap in use (garbage included, so it
 * follows the collector's rhythm as much as the job) and the heap in use after garbage collection (what
 * the job really keeps: each heap pool's usage after its last collection, summed).
 */
public final class HeapSampler implements AutoCloseable {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()).toList();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakUsed = new AtomicLong();
    private final Thread sampler;

    private HeapSampler() {
        sampler = new Thread(this::sampleUntilInterrupted, "heap-sampler");
        sampler.setDaemon(true);
    }

    public static HeapSampler start() {
        HeapSampler heap = new HeapSampler();
        heap.sampler.start();
        return heap;
    }

    /** The largest heap in use after a collection seen so far, in bytes. */
    public long peakAfterGc() {
        sample();
        return peak.get();
    }

    /** The largest heap in use, garbage included, seen so far, in bytes. */
    public long peakUsed() {
        sample();
        return peakUsed.get();
    }

    /** The heap limit of this JVM ({@code -Xmx}), in bytes. */
    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    private void sampleUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            sample();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long afterGc = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterGc += usage == null ? 0 : usage.getUsed();
        }
        peak.accumulateAndGet(afterGc, Math::max);
        peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }
}
