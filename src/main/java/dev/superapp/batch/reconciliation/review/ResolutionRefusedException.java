package dev.superapp.batch.reconciliation.review;

import dev.superapp.batch.system.UserInputException;

/** A resolution that cannot be made as asked: no reason, no such open order, or one payment for two orders. */
public class ResolutionRefusedException extends UserInputException {

    ResolutionRefusedException(String message) {
        super(message);
    }
}
