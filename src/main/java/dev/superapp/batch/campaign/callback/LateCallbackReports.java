package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.report.DeliveryReport;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps an ended (finished, finished with errors, or cancelled) campaign's delivery report true when a card-form
 * callback changes a recipient after the report was written: the report and its summary are written again, under
 * their names, from the database. A campaign still sending needs nothing: its report, when written, reads the
 * states the callback left. A rewrite that fails (the reports folder unwritable or full) leaves the previous pair
 * as it was and is logged saying which file and why; the callback itself stays applied.
 */
@Component
class LateCallbackReports {

    private static final Logger log = LoggerFactory.getLogger(LateCallbackReports.class);

    private final CampaignStore store;
    private final RecipientStore recipients;
    private final CampaignLauncher launcher;

    LateCallbackReports(CampaignStore store, RecipientStore recipients, CampaignLauncher launcher) {
        this.store = store;
        this.recipients = recipients;
        this.launcher = launcher;
    }

    /**
     * Rewrites the report of the campaign's latest run, if it ended and wrote one. One rewrite at a time: callbacks
     * arrive on several threads, and two writers of the same partial files would spoil both.
     */
    synchronized void refresh(String campaignId) {
        CampaignStatus status = store.status(campaignId);
        if (status == null || !status.ended()) {
            return;
        }
        launcher.lastRun(campaignId).filter(run -> run.report() != null).ifPresent(run -> {
            String name = run.report().getFileName().toString();
            try {
                new DeliveryReport(recipients).write(run.report().getParent(),
                        name.substring(0, name.length() - ".csv".length()), campaignId);
            } catch (UncheckedIOException e) {
                log.warn("campaign {}: the delivery report was not brought up to date after a callback; the previous"
                        + " one stands: {}", campaignId, e.getMessage());
            }
        });
    }
}
