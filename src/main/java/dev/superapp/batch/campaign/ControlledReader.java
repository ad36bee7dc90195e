package dev.superapp.batch.campaign;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A campaign step's reader that looks for a pause or cancellation ({@link CampaignControlCheck}) before each
 * item. Once one is asked it reads nothing more, so no further chunk starts (the send step's processor asks
 * the same before each request of the chunk it has read, so at most the requests in flight go out) and the step stops. Both readers it wraps resume from the database, not from a
 * position, so the next run reads on where this one stopped.
 */
public final class ControlledReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> delegate;
    private final CampaignControlCheck control;

    public ControlledReader(ItemStreamReader<T> delegate, CampaignControlCheck control) {
        this.delegate = delegate;
        this.control = control;
    }

    @Override
    public T read() throws Exception {
        return control.stopRequested() ? null : delegate.read();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        delegate.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        delegate.update(executionContext);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
