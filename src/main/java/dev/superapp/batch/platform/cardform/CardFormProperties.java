package dev.superapp.batch.platform.cardform;

import dev.superapp.batch.platform.PlatformSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the card-form OpenAPI (seed 003) is and the card form's credentials. Nothing has a
 * default that reaches a real platform: without {@code cardform.base-url} the client refuses
 * its first call instead of sending to production by accident.
 *
 * @param baseUrl         the access prefix; {@code /cardform/cmd/...} is appended. Production:
 *                        {@code https://api.dlight-app.com/miniapp/launchplatformdeveloper/openapi};
 *                        Indian environment (pushes to the Indian servers):
 *                        {@code https://api-ind.dlight-app.com/miniapp/launchplatformdeveloper/openapi};
 *                        the sandbox: its {@code baseUrl()} as it is
 * @param miniappId       the mini program's id ({@code miniappId})
 * @param bizId           the card form's id ({@code bizId})
 * @param operatorId      optional; sent and signed as the empty string when not set
 * @param secretAccessKey signs requests; never sent, logged or printed
 * @param timezone        the {@code Accept-Timezone} header, a zone id such as {@code UTC} or {@code Asia/Riyadh}
 */
@ConfigurationProperties("cardform")
public record CardFormProperties(String baseUrl, String miniappId, String bizId, String operatorId,
                                 String secretAccessKey, @DefaultValue("UTC") String timezone) {

    static final PlatformSetting BASE_URL = new PlatformSetting("cardform.base-url", "CARDFORM_BASE_URL");
    static final PlatformSetting MINIAPP_ID = new PlatformSetting("cardform.miniapp-id", "CARDFORM_MINIAPP_ID");
    static final PlatformSetting BIZ_ID = new PlatformSetting("cardform.biz-id", "CARDFORM_BIZ_ID");
    static final PlatformSetting SECRET_ACCESS_KEY = new PlatformSetting("cardform.secret-access-key",
            "CARDFORM_SECRET_ACCESS_KEY");
    static final PlatformSetting TIMEZONE = new PlatformSetting("cardform.timezone", "CARDFORM_TIMEZONE");

    @Override
    public String toString() {
        return "CardFormProperties[baseUrl=" + baseUrl + ", miniappId=" + miniappId + ", bizId=" + bizId
                + ", operatorId=" + operatorId + ", secretAccessKey=****, timezone=" + timezone + "]";
    }
}
