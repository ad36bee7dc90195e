package dev.superapp.batch.report;

/** There is no manifest to check a report against, or it is not one: the user named the wrong file. */
public class ManifestUnreadableException extends RuntimeException {

    public ManifestUnreadableException(String message) {
        super(message);
    }
}
