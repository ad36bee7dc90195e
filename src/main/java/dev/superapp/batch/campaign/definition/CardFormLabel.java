package dev.superapp.batch.campaign.definition;

/** A recipient label of {@code sendCardForm} (seed 003 LabelDTO), such as {@code country = 406}. */
public record CardFormLabel(String labelName, String labelValue) {
}
