package dev.superapp.batch.campaign.sending;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The send step's writer. Answers are already recorded, each as it arrived (see
 * {@link PushRequestProcessor}); what is left at the chunk's end is counting them for the progress line.
 */
final class PushResultWriter implements ItemWriter<PushResult> {

    private final PushProgress progress;

    PushResultWriter(PushProgress progress) {
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends PushResult> chunk) {
        chunk.forEach(progress::count);
    }
}
