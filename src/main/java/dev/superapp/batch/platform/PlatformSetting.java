package dev.superapp.batch.platform;

/**
 * A platform property as a person sets it, named in every message about it.
 *
 * @param property            e.g. {@code superapp.base-url}
 * @param environmentVariable e.g. {@code SUPERAPP_BASE_URL}
 */
public record PlatformSetting(String property, String environmentVariable) {

    /**
     * @return {@code value}, when it is set
     * @throws PlatformNotConfiguredException naming this setting, when it is null or blank
     */
    public String require(String value) {
        if (value == null || value.isBlank()) {
            throw new PlatformNotConfiguredException(property + " is not set (" + environmentVariable + ")");
        }
        return value;
    }

    /** {@code property (ENVIRONMENT_VARIABLE)}, as messages name it. */
    String named() {
        return property + " (" + environmentVariable + ")";
    }
}
