package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignStatus;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.report.DeliveryReport;
import org.springframework.stereotype.Component;

/**
 * Keeps an ended (finished, finished with errors, or cancelled) campaign's delivery report true when a card-form callback changes a recipient after the
 * report was written: the report and its summary are written again, under their names, from the database.
 * A campaign still sending needs nothing: its report, when written, reads the states the callback left.
 */
@Component
class LateCallbackReports {

    private final CampaignStore store;
    private final RecipientStore recipients;
    private final CampaignLauncher launcher;

    LateCallbackReports(CampaignStore store, RecipientStore recipients, CampaignLauncher launcher) {
        this.store = store;
        this.recipients = recipients;
        this.launcher = launcher;
    }

    /** Rewrites the report of the campaign's latest run, if it ended and wrote one. */
    void refresh(String campaignId) {
        CampaignStatus status = store.status(campaignId);
        if (status == null || !status.ended()) {
            return;
        }
        launcher.lastRun(campaignId).filter(run -> run.report() != null).ifPresent(run -> {
            String name = run.report().getFileName().toString();
            new DeliveryReport(recipients).write(run.report().getParent(), name.substring(0, name.length() - ".csv".length()),
                    campaignId);
        });
    }
}
