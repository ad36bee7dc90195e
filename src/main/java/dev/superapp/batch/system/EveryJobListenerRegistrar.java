package dev.superapp.batch.system;

import java.util.List;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Attaches every {@link EveryJobListener} to every job once all beans exist, so job configurations need not list them. */
@Component
class EveryJobListenerRegistrar implements SmartInitializingSingleton {

    private final ObjectProvider<Job> jobs;
    private final ObjectProvider<EveryJobListener> listeners;

    EveryJobListenerRegistrar(ObjectProvider<Job> jobs, ObjectProvider<EveryJobListener> listeners) {
        this.jobs = jobs;
        this.listeners = listeners;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<EveryJobListener> all = listeners.orderedStream().toList();
        jobs.stream().filter(AbstractJob.class::isInstance).map(AbstractJob.class::cast)
                .forEach(job -> all.forEach(job::registerJobExecutionListener));
    }
}
