package dev.superapp.batch.schedule;

/** What a scheduled definition starts when its trigger fires. */
enum JobKind {
    RECONCILIATION,
    CAMPAIGN
}
