package dev.superapp.batch.system;

import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * A job listener that {@link EveryJobListenerRegistrar} attaches to every job of the application, for
 * concerns that belong to no single job (which node runs it, item metrics).
 */
public interface EveryJobListener extends JobExecutionListener {
}
