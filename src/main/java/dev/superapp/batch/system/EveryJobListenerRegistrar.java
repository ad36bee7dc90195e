package dev.superapp.batch.system;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Attaches every {@link EveryJobListener} to each job as the job bean is created, so job configurations
 * need not list them. A post-processor rather than a pass over all jobs, so that a context which never
 * uses a job (a test of one feature) does not have to build it.
 */
@Component
class EveryJobListenerRegistrar implements BeanPostProcessor {

    private final ObjectProvider<EveryJobListener> listeners;

    EveryJobListenerRegistrar(ObjectProvider<EveryJobListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            listeners.orderedStream().forEach(job::registerJobExecutionListener);
        }
        return bean;
    }
}
