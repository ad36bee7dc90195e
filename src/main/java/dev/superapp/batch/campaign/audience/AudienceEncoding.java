package dev.superapp.batch.campaign.audience;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How an audience file's text is encoded, told by its first bytes: UTF-16 little- or big-endian when it starts
 * with that byte order mark (what Excel's "Unicode text" saves), otherwise UTF-8, with or without its BOM.
 *
 * @param charset   decodes the text after the mark
 * @param bomLength bytes of byte order mark to skip
 */
public record AudienceEncoding(Charset charset, int bomLength) {

    /** Bytes enough to tell every mark apart. */
    public static final int SNIFFED_BYTES = 3;

    public static AudienceEncoding of(byte[] start) {
        if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            return new AudienceEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            return new AudienceEncoding(StandardCharsets.UTF_16BE, 2);
        }
        boolean utf8Bom = start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        return new AudienceEncoding(StandardCharsets.UTF_8, utf8Bom ? 3 : 0);
    }

    public boolean utf16() {
        return !charset.equals(StandardCharsets.UTF_8);
    }
}
