package dev.superapp.batch.console;

import dev.superapp.batch.system.UserInputException;

/**
 * What a console password must be: at least 12 characters, and at most 72 bytes in UTF-8 (bcrypt reads no
 * further, and Spring Security's encoder refuses longer passwords rather than cut them). Public so that the
 * command line can refuse a password before it starts the application.
 */
public final class PasswordRule {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    /** @throws UserInputException naming the rule the password breaks */
    public static void check(CharSequence password) {
        if (password.length() < MIN_LENGTH) {
            throw new UserInputException("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (utf8Length(password) > MAX_BYTES) {
            throw new UserInputException("the password must be at most " + MAX_BYTES + " bytes");
        }
    }

    /** The password's length in UTF-8 without making a String of it, which could not be wiped. */
    private static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
