package dev.superapp.batch.campaign.audience;

/**
 * One non-blank record of an audience file.
 *
 * @param lineNo the physical line it starts on, the header being line 1, as an editor shows it
 * @param value  the id column's value as written (empty when the record has no such field)
 */
public record AudienceLine(long lineNo, String value) {
}
