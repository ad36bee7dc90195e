package dev.superapp.batch.platform.cardform;

/** A recipient label of the card form (seed 003 {@code LabelDTO}), such as {@code country = 406}. */
public record CardFormLabel(String labelName, String labelValue) {
}
