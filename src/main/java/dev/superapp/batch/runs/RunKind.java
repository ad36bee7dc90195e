package dev.superapp.batch.runs;

import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.reconciliation.ReconciliationJobConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The jobs the console knows by name: the identifying parameter that says what each run was for, and what the
 * items of each of its steps are (orders, lines, requests), so that counts say what they count.
 */
public enum RunKind {
    RECONCILIATION(ReconciliationJobConfiguration.JOB_NAME, "businessDate", "business date",
            Map.of(ReconciliationJobConfiguration.RECONCILE_STEP, new Counted("orders", "reconciled", StepCount::read))),
    CAMPAIGN(CampaignJobConfiguration.JOB_NAME, CampaignJobConfiguration.CAMPAIGN_PARAMETER, "campaign",
            Map.of("stageAudienceStep", new Counted("lines", "staged", StepCount::read),
                    "sendPushesStep", new Counted("requests", "sent", StepCount::written))),
    /** The console's audience check of a campaign: staging only. */
    CAMPAIGN_STAGING(CampaignJobConfiguration.STAGING_JOB_NAME, CampaignJobConfiguration.CAMPAIGN_PARAMETER, "campaign",
            Map.of("stageAudienceStep", new Counted("lines", "staged", StepCount::read))),
    /** Any other job: its progress comes from its step counts alone. */
    OTHER("", "", "", Map.of());

    /** What the items of one step are, and which of its counts says how many were handled. */
    private record Counted(String items, String verb, ToLongFunction<StepCount> count) {
    }

    private final String jobName;
    private final String subjectParameter;
    private final String subjectLabel;
    private final Map<String, Counted> countedSteps;

    RunKind(String jobName, String subjectParameter, String subjectLabel, Map<String, Counted> countedSteps) {
        this.jobName = jobName;
        this.subjectParameter = subjectParameter;
        this.subjectLabel = subjectLabel;
        this.countedSteps = countedSteps;
    }

    public static RunKind of(String jobName) {
        return Arrays.stream(values()).filter(kind -> kind != OTHER && kind.jobName.equals(jobName)).findFirst().orElse(OTHER);
    }

    /** "business date 2026-12-01", "campaign spring-sale", or for another job its identifying parameters. */
    String subject(Run run) {
        String value = run.identifyingParameters().get(subjectParameter);
        if (value == null) {
            return run.identifyingParameters().entrySet().stream().map(p -> p.getKey() + " " + p.getValue())
                    .collect(Collectors.joining(", "));
        }
        return subjectLabel + " " + value;
    }

    /**
     * "3 orders reconciled", "150 lines staged, 3 requests sent" (skips named after the same items), in step order;
     * another job's items are only read and written.
     */
    List<String> counts(List<StepCount> steps) {
        List<String> counts = new ArrayList<>();
        for (StepCount step : steps) {
            Counted counted = countedSteps.get(step.stepName());
            if (counted != null) {
                counts.add(counted.count().applyAsLong(step) + " " + counted.items() + " " + counted.verb());
            }
            if (counted != null && step.skipped() > 0) {
                counts.add(step.skipped() + " " + counted.items() + " skipped");
            }
        }
        if (this == OTHER) {
            long read = steps.stream().mapToLong(StepCount::read).sum();
            long written = steps.stream().mapToLong(StepCount::written).sum();
            long skipped = steps.stream().mapToLong(StepCount::skipped).sum();
            counts.add(read + " items read");
            counts.add(written + " written");
            if (skipped > 0) {
                counts.add(skipped + " skipped");
            }
        }
        return counts;
    }
}
