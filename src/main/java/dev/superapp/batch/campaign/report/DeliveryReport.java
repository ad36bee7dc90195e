package dev.superapp.batch.campaign.report;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.report.ReportFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A campaign's delivery report and its summary, written from the recipients' states as the database has them:
 * by {@code writeDeliveryReportStep}, and again under the same names when a callback changes a recipient after
 * that ({@link LateCallbackReports}). The pair is published together: each file is renamed into place atomically,
 * the second right after the first, and only once both are whole; a failure at any point leaves the old pair.
 */
public final class DeliveryReport {

    public static final String[] HEADER = {"line", "recipient", "outcome", "request_id", "detail"};
    private static final int PAGE = 1000;

    private final RecipientStore store;

    public DeliveryReport(RecipientStore store) {
        this.store = store;
    }

    public record Files(Path report, Path summary) {
    }

    /**
     * Writes {@code dir/<baseName>.csv} and {@code dir/<baseName>-summary.csv}, replacing any earlier ones. The two
     * are published together once both are whole: a failure (the folder unwritable, the disk full) publishes
     * neither, leaves an earlier pair as it was, and names the file that could not be written and why.
     */
    public Files write(Path dir, String baseName, String campaignId) {
        try (ReportFile report = ReportFile.create(dir, baseName + ".csv", HEADER);
             ReportFile summary = ReportFile.create(dir, baseName + "-summary.csv", "outcome", "recipients")) {
            long after = 0;
            List<CampaignRecipient> page;
            do {
                page = store.page(campaignId, after, PAGE);
                page.forEach(r -> report.row(r.lineNo(), r.recipientId(), r.state(), r.requestId(), r.detail()));
                after = page.isEmpty() ? after : page.get(page.size() - 1).lineNo();
            } while (page.size() == PAGE);
            Map<RecipientState, Long> counts = store.countByState(campaignId);
            counts.forEach((state, recipients) -> summary.row(state, recipients));
            summary.row("TOTAL", counts.values().stream().mapToLong(Long::longValue).sum());
            List<Path> published = ReportFile.completeTogether(report, summary);
            return new Files(published.get(0), published.get(1));
        }
    }
}
