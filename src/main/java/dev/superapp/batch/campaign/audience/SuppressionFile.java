package dev.superapp.batch.campaign.audience;

import dev.superapp.batch.campaign.suppression.RecipientIdKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of recipients to suppress ({@code suppress add <file.csv>}, the console's upload): a CSV read as an audience
 * is (encodings, separators, blank lines), whose header names {@code open_id} or {@code unique_id}, which says the id
 * kind. Every id must be valid; one bad line refuses the whole file, naming the line, so nothing is half added.
 */
public final class SuppressionFile {

    public record Contents(RecipientIdKind kind, List<String> ids) {
    }

    private SuppressionFile() {
    }

    /** @throws AudienceFileException one line saying what is wrong and where */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new AudienceFileException(file + " cannot be read (no such file, or not a readable file); nothing was added");
        }
        RecipientIdKind kind = kind(file);
        List<String> ids = new ArrayList<>();
        try (AudienceCsv csv = new AudienceCsv(file, kind.column())) {
            for (AudienceLine line = csv.next(); line != null; line = csv.next()) {
                String problem = RecipientIdRule.problem(line.value());
                if (problem != null) {
                    throw new AudienceFileException(file + ": line " + line.lineNo() + ": " + kind.column() + " is " + problem
                            + "; nothing was added");
                }
                ids.add(line.value());
            }
        } catch (IOException e) {
            throw new AudienceFileException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            throw new AudienceFileException(file + ": has no " + kind.column() + " below its header; nothing was added");
        }
        return new Contents(kind, ids);
    }

    /** The kind whose column the header names; a header naming both, or neither, is refused. */
    private static RecipientIdKind kind(Path file) {
        List<RecipientIdKind> named = new ArrayList<>();
        for (RecipientIdKind kind : RecipientIdKind.values()) {
            try (AudienceCsv csv = new AudienceCsv(file, kind.column())) {
                named.add(kind);
            } catch (AudienceFileException notThisKind) {
                // the header lacks this column
            } catch (IOException e) {
                throw new AudienceFileException(file + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (named.size() != 1) {
            throw new AudienceFileException(file + ": line 1: the header must name exactly one of the columns open_id "
                    + "(activity and notify) or unique_id (card form)" + (named.isEmpty() ? "" : ", not both"));
        }
        return named.get(0);
    }
}
