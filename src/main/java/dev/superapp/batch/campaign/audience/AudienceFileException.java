package dev.superapp.batch.campaign.audience;

import dev.superapp.batch.system.UserInputException;

/**
 * An audience file that cannot be staged as it is (no id column in its header, a quote never closed),
 * a mistake of whoever made the file. The message is one line naming the file and the line.
 */
public class AudienceFileException extends UserInputException {

    AudienceFileException(String message) {
        super(message);
    }

    AudienceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
