package dev.superapp.batch.campaign.definition;

/**
 * What a campaign sends, one record per channel; the campaign's {@link Channel} says which one it is.
 * The platform clients have message records of their own: these are the validated definition.
 */
public sealed interface MessageSettings permits ActivitySettings, NotifySettings, CardFormSettings {
}
