package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.PushProgress;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.platform.SendingRate;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The send step's writer. Answers are already recorded, each as it arrived (see
 * {@link PushRequestProcessor}); what is left at the chunk's end is counting them for the progress line,
 * and leaving the limiter's rate and allowance estimate in the step's context, which commits with the chunk:
 * the console reads them from there, on whichever node it runs.
 */
final class PushResultWriter implements ItemWriter<PushResult> {

    private final PushProgress progress;
    private final PushChannel channel;
    private final StepExecution stepExecution;

    PushResultWriter(PushProgress progress, PushChannel channel, StepExecution stepExecution) {
        this.progress = progress;
        this.channel = channel;
        this.stepExecution = stepExecution;
        progress.sendingThrough(channel::sendingRate);
    }

    @Override
    public void write(Chunk<? extends PushResult> chunk) {
        for (PushResult result : chunk) {
            long notSent = result.request().recipients().stream()
                    .filter(recipient -> result.answer().outcomeOf(recipient.recipientId()) != RecipientState.SENT).count();
            progress.count(result.request().recipients().size(), notSent);
        }
        SendingRate rate = channel.sendingRate();
        ExecutionContext context = stepExecution.getExecutionContext();
        context.putDouble(PushProgress.RATE_LIMIT, rate.rateLimit());
        if (rate.allowanceEstimate() != null) {
            context.putDouble(PushProgress.ALLOWANCE_ESTIMATE, rate.allowanceEstimate());
        } else {
            context.remove(PushProgress.ALLOWANCE_ESTIMATE);
        }
    }
}
