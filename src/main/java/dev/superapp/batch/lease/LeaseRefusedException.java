package dev.superapp.batch.lease;

import dev.superapp.batch.system.UserInputException;

/**
 * A run was not started, or not taken over, because a live run holds its lease. The message names that run
 * and its node; the command line prints it and exits 2, a scheduled fire logs it and skips.
 */
public class LeaseRefusedException extends UserInputException {

    public LeaseRefusedException(String message) {
        super(message);
    }
}
