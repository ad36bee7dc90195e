package dev.superapp.batch.campaign.sending;

/** A request and how it went: what the send step's writer records. */
public record PushResult(PushRequest request, PushAnswer answer) {
}
