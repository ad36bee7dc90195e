package dev.superapp.batch.system;

/**
 * Fits text from outside (platform messages, raw answers) into a bounded column. A platform that
 * answers with an unexpectedly long message must not make a write fail after the platform acted.
 */
public final class BoundedText {

    /** Room for the platform messages a report's detail column shows. */
    public static final int DETAIL = 500;
    /** Room for a raw answer kept as evidence (TEXT columns hold 64 KB; answers are far smaller). */
    public static final int EVIDENCE = 16_000;

    private BoundedText() {
    }

    /** {@code text} unchanged when it fits, otherwise cut to {@code limit} characters ending in an ellipsis. */
    public static String cap(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
