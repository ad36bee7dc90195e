package dev.superapp.batch.campaign.definition;

import java.util.regex.Pattern;

/**
 * The shapes seed 001 gives the fields of {@code sendActivity} and {@code sendNotify}, checked when a definition is
 * read (from a file or the console's form) so that a campaign the platform would refuse, or show wrongly to a
 * million phones, is refused before it is saved.
 */
final class SeedFormats {

    /** {@code color}: "FFFFFF" in the seed, an RGB colour in hex. */
    static final Format COLOUR = new Format(Pattern.compile("[0-9A-Fa-f]{6}"), "must be 6 hex digits, such as FFFFFF");
    /** Links and images opened on a phone: only https (the seed's notify example is https). */
    static final Format HTTPS_URL = new Format(Pattern.compile("https://[^\\s/?#]+[^\\s]*"),
            "must be an https:// address");
    /** {@code activityId} and {@code templateId}: ids the sender and the platform share, kept to safe characters. */
    static final Format ID = new Format(Pattern.compile("[A-Za-z0-9_-]{1,64}"), "must be 1 to 64 of A-Z a-z 0-9 _ -");
    /** {@code language}: the seed's "zh_CN;en_US;ar_SA". */
    static final Format LANGUAGE = new Format(Pattern.compile("zh_CN|en_US|ar_SA"), "must be zh_CN, en_US or ar_SA");
    /** {@code notifyType}: "1-plain text type" is the only type the seed defines. */
    static final int PLAIN_TEXT = 1;

    record Format(Pattern pattern, String rule) {

        boolean matches(String value) {
            return pattern.matcher(value).matches();
        }
    }

    private SeedFormats() {
    }
}
