package dev.superapp.batch.console.campaigns;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code console.*}: where the console keeps uploaded audiences and the definitions it writes, and how large
 * an upload may be. Several {@code serve} nodes must share {@code upload-dir}, as they share {@code jobs.dir}:
 * any node may fire a campaign.
 *
 * @param uploadDir     audiences are stored here under generated names, definitions under {@code definitions/}
 * @param maxUploadSize   the largest audience file accepted; also the multipart limit, so nothing larger is
 *                        read or spooled to disk
 * @param uploadRetention how long an uploaded audience is kept after its campaign ended
 */
@ConfigurationProperties("console")
public record ConsoleProperties(@DefaultValue("./data/uploads") Path uploadDir,
                                @DefaultValue("64MB") DataSize maxUploadSize,
                                @DefaultValue("30d") Duration uploadRetention) {

    /** Room for the form's other fields beside the audience file in one multipart request. */
    private static final DataSize FORM_FIELDS = DataSize.ofKilobytes(64);

    /** The largest multipart request: one audience at the limit and the form's fields. */
    public DataSize maxRequestSize() {
        return DataSize.ofBytes(maxUploadSize.toBytes() + FORM_FIELDS.toBytes());
    }

    /** The limit as a person reads it: 64MB, 512KB (DataSize itself prints bytes). */
    public String maxUploadSizeText() {
        long bytes = maxUploadSize.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return maxUploadSize.toMegabytes() + "MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? maxUploadSize.toKilobytes() + "KB" : bytes + " bytes";
    }
}
