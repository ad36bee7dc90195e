package dev.superapp.batch.console.campaigns;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code console.*}: where the console keeps uploaded audiences and the definitions it writes, and how large
 * an upload may be. Several {@code serve} nodes must share {@code upload-dir}, as they share {@code jobs.dir}:
 * any node may fire a campaign.
 *
 * @param uploadDir     audiences are stored here under generated names, definitions under {@code definitions/}
 * @param maxUploadSize the largest audience file accepted; at most 1GB, where the server stops reading
 */
@ConfigurationProperties("console")
public record ConsoleProperties(@DefaultValue("./data/uploads") Path uploadDir,
                                @DefaultValue("64MB") DataSize maxUploadSize) {

    /** The limit as a person reads it: 64MB, 512KB (DataSize itself prints bytes). */
    public String maxUploadSizeText() {
        long bytes = maxUploadSize.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return maxUploadSize.toMegabytes() + "MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? maxUploadSize.toKilobytes() + "KB" : bytes + " bytes";
    }
}
