package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.report.DeliveryReportTasklet;
import dev.superapp.batch.report.ReportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The delivery report of a campaign that stopped before {@code writeDeliveryReportStep} because a person paused
 * or cancelled it: written when its run ends (and again when a paused campaign is then cancelled), under the
 * run's name, with the paths recorded in the execution's context as the report step records them, so the page
 * and {@code push} link it. It says what was sent; a paused campaign's unsent recipients are PENDING, a cancelled
 * one's CANCELED.
 */
@Component
class StoppedCampaignReports {

    private static final Logger log = LoggerFactory.getLogger(StoppedCampaignReports.class);

    private final RecipientStore recipients;
    private final ReportProperties reports;
    private final JobRepository jobRepository;
    private final CampaignExecutions executions;

    StoppedCampaignReports(RecipientStore recipients, ReportProperties reports, JobRepository jobRepository,
                           CampaignExecutions executions) {
        this.recipients = recipients;
        this.reports = reports;
        this.jobRepository = jobRepository;
        this.executions = executions;
    }

    /**
     * For the execution that has just stopped. The campaign's status is recorded already and stands: a report
     * that cannot be written (the reports folder unwritable) is logged, and the page then says it has no report.
     */
    void write(String campaignId, JobExecution execution) {
        try {
            DeliveryReportTasklet.write(recipients, reports, campaignId, execution);
            jobRepository.updateExecutionContext(execution);
        } catch (RuntimeException e) {
            log.warn("campaign {}: the delivery report of execution {} was not written: {}", campaignId,
                    execution.getId(), e.getMessage());
        }
    }

    /** For the campaign's last execution, when one exists: a stopped campaign cancelled later. */
    void writeForLast(String campaignId) {
        executions.last(CampaignJobConfiguration.JOB_NAME, campaignId).ifPresent(last -> write(campaignId, last));
    }
}
