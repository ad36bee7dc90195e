package dev.superapp.batch.sandbox;

/**
 * The one card form (seed 003) a sandbox accepts. Point {@code cardform.base-url} at the sandbox's
 * {@code baseUrl()} and give these values to {@code cardform.miniapp-id}, {@code cardform.biz-id}
 * and {@code cardform.secret-access-key}.
 *
 * @param miniappId       the only {@code miniappId} accepted
 * @param bizId           the only {@code bizId} accepted
 * @param secretAccessKey verifies {@code sign}; never logged, echoed or printed
 */
public record SandboxCardForm(String miniappId, String bizId, String secretAccessKey) {

    /** The {@code bizId} of {@link SandboxSettings#defaults}. */
    public static final String DEFAULT_BIZ_ID = "sandbox-card-form";

    public SandboxCardForm {
        if (isBlank(miniappId) || isBlank(bizId) || isBlank(secretAccessKey)) {
            throw new IllegalArgumentException("the sandbox card form needs a miniappId, bizId and secretAccessKey");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "SandboxCardForm[miniappId=" + miniappId + ", bizId=" + bizId + ", secretAccessKey=****]";
    }
}
