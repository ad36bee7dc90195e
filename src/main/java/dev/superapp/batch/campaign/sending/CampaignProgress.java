package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.system.JobProgressSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A campaign's progress is its last recorded request: every request is recorded before and after it is sent. */
@Component
class CampaignProgress implements JobProgressSource {

    private final JdbcClient jdbc;

    CampaignProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> lastProgress(JobExecution execution) {
        if (!CampaignJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            return Optional.empty();
        }
        String campaignId = execution.getJobParameters().getString(CampaignJobConfiguration.CAMPAIGN_PARAMETER);
        return jdbc.sql("SELECT MAX(updated_at) FROM campaign_request WHERE campaign_id = ?").param(campaignId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, LocalDateTime.class)))
                .single().map(time -> time.toInstant(ZoneOffset.UTC));
    }
}
