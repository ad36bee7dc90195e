package dev.superapp.batch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and checks report manifests. The HMAC (when {@code reports.signing-key} is set) is HMAC-SHA256, lowercase
 * hex, over the manifest's JSON without its {@code hmac} field, serialised compactly in the order written; the
 * check parses the file and serialises it the same way, so any change of a name, digest, count or total breaks it.
 */
@Component
public class ReportManifests {

    static final String HMAC_FIELD = "hmac";

    private final JsonMapper json;
    private final ReportProperties properties;

    public ReportManifests(JsonMapper json, ReportProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /** The manifest beside a report {@code <base>.csv}: {@code <base>.manifest.json}. */
    public static Path besideReport(Path reportCsv) {
        String name = reportCsv.getFileName().toString();
        return reportCsv.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".manifest.json");
    }

    /** Writes {@code dir/name}, signed when a key is set, through a {@link PartialFile}. */
    public Path write(Path dir, String name, ReportManifest manifest) {
        ObjectNode tree = json.valueToTree(manifest);
        if (properties.signs()) {
            tree.put(HMAC_FIELD, hmac(tree));
        }
        try (PartialFile file = PartialFile.create(dir, name)) {
            file.stream().write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree));
            return file.publish();
        } catch (IOException e) {
            throw PartialFile.failure(dir.resolve(name), e);
        }
    }

    /**
     * Checks the files beside a report against its manifest.
     *
     * @throws ManifestUnreadableException when there is no readable manifest to check against
     */
    public ManifestCheck check(Path reportCsv) {
        Path manifestPath = besideReport(reportCsv);
        JsonNode tree;
        try {
            tree = json.readTree(Files.readString(manifestPath, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ManifestUnreadableException("no manifest " + manifestPath + " beside the report");
        } catch (IOException | JacksonException e) {
            throw new ManifestUnreadableException("cannot read the manifest " + manifestPath + ": " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode manifest) || !manifest.path("files").isArray()) {
            throw new ManifestUnreadableException("the manifest " + manifestPath + " lists no files");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode entry : manifest.path("files")) {
            String name = entry.path("name").asString();
            Path file = manifestPath.resolveSibling(name);
            if (name.isEmpty() || !file.getParent().equals(manifestPath.getParent())) {
                problems.add(manifestPath.getFileName() + ": names a file outside its folder: " + name);
            } else if (!Files.isRegularFile(file)) {
                problems.add(name + ": missing");
            } else if (!ReportManifest.sha256(file).equals(entry.path("sha256").asString())) {
                problems.add(name + ": SHA-256 differs from the manifest (the file was changed)");
            }
        }
        return new ManifestCheck(manifestPath, problems, hmacVerdict(manifest, manifestPath, problems));
    }

    private ManifestCheck.Signature hmacVerdict(ObjectNode manifest, Path manifestPath, List<String> problems) {
        JsonNode recorded = manifest.remove(HMAC_FIELD);
        if (!properties.signs()) {
            return recorded == null ? ManifestCheck.Signature.UNSIGNED : ManifestCheck.Signature.NOT_CHECKED;
        }
        if (recorded == null) {
            problems.add(manifestPath.getFileName() + ": has no HMAC, but reports.signing-key is set (was it rewritten?)");
            return ManifestCheck.Signature.BAD;
        }
        boolean same = MessageDigest.isEqual(hmac(manifest).getBytes(StandardCharsets.US_ASCII),
                recorded.asString().getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            problems.add(manifestPath.getFileName() + ": HMAC does not match (altered, or signed with another key)");
        }
        return same ? ManifestCheck.Signature.GOOD : ManifestCheck.Signature.BAD;
    }

    private String hmac(ObjectNode unsigned) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(json.writeValueAsBytes(unsigned)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
