package dev.superapp.batch.runs;

/** The items one step of an execution read, wrote and skipped, as Spring Batch counted them. */
public record StepCount(String stepName, long read, long written, long skipped) {
}
