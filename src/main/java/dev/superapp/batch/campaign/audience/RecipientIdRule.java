package dev.superapp.batch.campaign.audience;

/** A valid recipient id (openId or uniqueId): 1 to 128 characters of {@code [A-Za-z0-9_-]}, nothing trimmed. */
public final class RecipientIdRule {

    static final int MAX_LENGTH = 128;

    private RecipientIdRule() {
    }

    /** Why {@code id} is not a valid recipient id, or null when it is. */
    public static String problem(String id) {
        if (id.isEmpty()) {
            return "empty";
        }
        int length = id.codePointCount(0, id.length());
        if (length > MAX_LENGTH) {
            return "too long: " + length + " characters, at most " + MAX_LENGTH;
        }
        for (int offset = 0, position = 1; offset < id.length(); position++) {
            int c = id.codePointAt(offset);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'))) {
                return "bad character " + describe(c) + " at position " + position
                        + ": only A-Z, a-z, 0-9, _ and - are allowed";
            }
            offset += Character.charCount(c);
        }
        return null;
    }

    /** What is stored of an id as given: null when empty, its first 128 characters when longer. */
    static String stored(String id) {
        if (id.isEmpty()) {
            return null;
        }
        return id.codePointCount(0, id.length()) <= MAX_LENGTH ? id : id.substring(0, id.offsetByCodePoints(0, MAX_LENGTH));
    }

    private static String describe(int c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || !Character.isDefined(c)
                ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'";
    }
}
