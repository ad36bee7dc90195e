package dev.superapp.batch.campaign.audience;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * {@code stageAudienceStep}'s reader: a campaign's audience file, one non-blank line at a time.
 *
 * <p>It resumes after the last line already staged, which the caller reads from {@code campaign_recipient},
 * rather than from a position kept in the step's execution context. Staged rows commit with their chunk, so
 * they are the one faithful record of progress: a restart after a crash neither stages a line twice nor
 * loses one, also when a new job execution meets a partly staged campaign, and whatever Batch saves when a
 * chunk rolls back (Spring Batch 6.0 saved the stream position even then: spring-batch#5182).
 */
public final class AudienceReader implements ItemStreamReader<AudienceLine> {

    private final Path file;
    private final String idColumn;
    private final long resumeAfterLine;
    private AudienceCsv csv;

    /** @param resumeAfterLine lines up to this one are already staged; 0 to stage the whole file */
    public AudienceReader(Path file, String idColumn, long resumeAfterLine) {
        this.file = file;
        this.idColumn = idColumn;
        this.resumeAfterLine = resumeAfterLine;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            csv = new AudienceCsv(file, idColumn);
        } catch (IOException e) {
            throw new ItemStreamException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public AudienceLine read() throws IOException {
        AudienceLine line = csv.next();
        while (line != null && line.lineNo() <= resumeAfterLine) {
            line = csv.next();
        }
        return line;
    }

    @Override
    public void close() {
        if (csv != null) {
            try {
                csv.close();
            } catch (IOException e) {
                throw new ItemStreamException(file + ": cannot be closed: " + e.getMessage(), e);
            }
            csv = null;
        }
    }
}
