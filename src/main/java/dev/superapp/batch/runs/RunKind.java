package dev.superapp.batch.runs;

import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.reconciliation.ReconciliationJobConfiguration;
import java.util.Arrays;

/** The jobs the console knows by name, and the identifying parameter that says what each run was for. */
public enum RunKind {
    RECONCILIATION(ReconciliationJobConfiguration.JOB_NAME, "businessDate"),
    CAMPAIGN(CampaignJobConfiguration.JOB_NAME, CampaignJobConfiguration.CAMPAIGN_PARAMETER),
    /** Any other job: its progress comes from its step counts alone. */
    OTHER("", "");

    private final String jobName;
    private final String subjectParameter;

    RunKind(String jobName, String subjectParameter) {
        this.jobName = jobName;
        this.subjectParameter = subjectParameter;
    }

    public static RunKind of(String jobName) {
        return Arrays.stream(values()).filter(kind -> kind != OTHER && kind.jobName.equals(jobName)).findFirst().orElse(OTHER);
    }

    /** The business date, the campaign id, or for another job all its identifying parameters. */
    String subject(Run run) {
        String value = run.identifyingParameters().get(subjectParameter);
        return value == null ? run.parametersText() : value;
    }
}
