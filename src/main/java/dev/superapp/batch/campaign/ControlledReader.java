package dev.superapp.batch.campaign;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** A campaign step's reader that looks for a pause or cancellation ({@link CampaignControlCheck}) as it reads. */
final class ControlledReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> delegate;
    private final CampaignControlCheck control;

    ControlledReader(ItemStreamReader<T> delegate, CampaignControlCheck control) {
        this.delegate = delegate;
        this.control = control;
    }

    @Override
    public T read() throws Exception {
        control.check();
        return delegate.read();
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
