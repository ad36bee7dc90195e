package dev.superapp.batch.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date a person typed ({@code --business-date=}, {@code ?date=}), read as {@code YYYY-MM-DD}. A text that is not
 * one is refused in the words a person uses ({@code 2026-02-30 is not a date (YYYY-MM-DD)}), not Java's.
 */
public final class IsoDateInput {

    private IsoDateInput() {
    }

    /** @throws UserInputException when {@code text} is not a calendar date written as YYYY-MM-DD */
    public static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException(text + " is not a date (YYYY-MM-DD)");
        }
    }
}
