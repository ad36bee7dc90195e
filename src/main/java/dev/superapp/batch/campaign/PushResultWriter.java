package dev.superapp.batch.campaign;

import java.util.ArrayList;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk's answers in the chunk's transaction, and counts them for the progress line. */
final class PushResultWriter implements ItemWriter<PushResult> {

    private final PushRequestStore store;
    private final PushProgress progress;

    PushResultWriter(PushRequestStore store, PushProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends PushResult> chunk) {
        store.recordAnswers(new ArrayList<>(chunk.getItems()));
        chunk.forEach(progress::count);
    }
}
