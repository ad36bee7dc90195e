package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.audience.AudienceEncoding;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes an uploaded audience only if it looks like what it claims to be: a CSV or text file within the size
 * limit whose start is UTF-8 text, or UTF-16 text after its byte order mark (Excel's "Unicode text"). It is stored under a generated name in {@code console.upload-dir}; the
 * name the browser sent is never used as a path.
 */
@Component
class AudienceUploads {

    /** What browsers send for .csv files: Windows says Excel, some send nothing specific. */
    private static final Set<String> CONTENT_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "application/vnd.ms-excel", "application/octet-stream");
    private static final int SNIFFED_BYTES = 8192;

    private final ConsoleProperties properties;

    AudienceUploads(ConsoleProperties properties) {
        this.properties = properties;
    }

    /** @return the stored file's name inside the upload directory */
    String store(MultipartFile upload) {
        String name = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename();
        String lower = name.toLowerCase(Locale.ROOT);
        if (upload.isEmpty()) {
            throw new UserInputException("choose an audience file: a CSV with a header line");
        }
        if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) {
            throw new UserInputException("the audience must be a .csv or .txt file");
        }
        String contentType = upload.getContentType() == null ? "" : upload.getContentType().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(contentType.split(";")[0].strip())) {
            throw new UserInputException("the audience must be a CSV file, not " + contentType);
        }
        if (upload.getSize() > properties.maxUploadSize().toBytes()) {
            throw new UserInputException(tooLarge(properties));
        }
        try {
            requireText(upload);
            Files.createDirectories(properties.uploadDir());
            String stored = UUID.randomUUID() + ".csv";
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, properties.uploadDir().resolve(stored));
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded audience: " + e.getMessage(), e);
        }
    }

    /** A new, empty name in the upload folder, for an audience the console writes itself (a withdrawal's). */
    Path newAudience() {
        try {
            Files.createDirectories(properties.uploadDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + properties.uploadDir() + ": " + e.getMessage(), e);
        }
        return resolve(UUID.randomUUID() + ".csv");
    }

    /** What the form says of an audience over the limit, whether this class or the server found it too large. */
    static String tooLarge(ConsoleProperties properties) {
        return "the audience is larger than the limit of " + properties.maxUploadSizeText() + "; split it into several campaigns";
    }

    Path resolve(String storedName) {
        return properties.uploadDir().resolve(storedName);
    }

    /** A binary file renamed .csv (a spreadsheet, an image) is refused before it is staged line by line. */
    private static void requireText(MultipartFile upload) throws IOException {
        byte[] start;
        try (InputStream in = upload.getInputStream()) {
            start = in.readNBytes(SNIFFED_BYTES);
        }
        AudienceEncoding encoding = AudienceEncoding.of(start);
        if (encoding.utf16()) {
            requireDecodable(start, encoding);
            return;
        }
        int length = start.length;
        // A cut in the middle of a multi-byte character at the end of the sample is not an error.
        while (length > 0 && length > start.length - 4 && (start[length - 1] & 0xC0) == 0x80) {
            length--;
        }
        if (length > 0 && (start[length - 1] & 0x80) != 0) {
            length--;
        }
        for (int i = 0; i < length; i++) {
            if (start[i] == 0) {
                throw new UserInputException("the audience is not a text file (it contains binary data)");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(start, 0, length));
        } catch (CharacterCodingException e) {
            throw new UserInputException("the audience is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    /** Excel's "Unicode text": UTF-16 after its byte order mark; not at the end of input, so a cut pair is fine. */
    private static void requireDecodable(byte[] start, AudienceEncoding encoding) {
        CoderResult result = encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(start, encoding.bomLength(), start.length - encoding.bomLength()),
                        CharBuffer.allocate(start.length), false);
        if (result.isError()) {
            throw new UserInputException("the audience is not " + encoding.charset().name()
                    + " text, as its byte order mark says");
        }
    }
}
