package dev.superapp.batch.campaign;

/** A request and how it went: what the send step's writer records. */
record PushResult(PushRequest request, PushAnswer answer) {
}
