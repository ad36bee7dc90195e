package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.campaign.recipient.RecipientState;
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
        for (PushResult result : chunk) {
            long notSent = result.request().recipients().stream()
                    .filter(recipient -> result.answer().outcomeOf(recipient.recipientId()) != RecipientState.SENT).count();
            progress.count(result.request().recipients().size(), notSent);
        }
    }
}
