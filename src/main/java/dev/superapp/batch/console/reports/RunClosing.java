package dev.superapp.batch.console.reports;

import dev.superapp.batch.reconciliation.ControlTotalsReader;
import dev.superapp.batch.reconciliation.ReconciliationFile;
import dev.superapp.batch.report.ManifestCheck;
import dev.superapp.batch.report.ManifestUnreadableException;
import dev.superapp.batch.report.ReportManifests;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a run's page shows about closing its day: the control totals beside the previous business date's, the
 * files it wrote (CSV and XLSX), and whether they still match their manifest, checked each time the page is shown.
 * The run's alerts come with the run itself ({@code run.alerts}).
 */
@Component
class RunClosing {

    private final ControlTotalsReader controlTotals;
    private final ReportManifests manifests;

    RunClosing(ControlTotalsReader controlTotals, ReportManifests manifests) {
        this.controlTotals = controlTotals;
        this.manifests = manifests;
    }

    void addTo(Model model, long instanceId, JobExecution execution) {
        model.addAttribute("controlTotals",
                controlTotals.forRun(instanceId, execution.getJobParameters().getString("businessDate")));
        ExecutionContext context = execution.getExecutionContext();
        List<ReconciliationFile> written = Arrays.stream(ReconciliationFile.values())
                .filter(file -> context.containsKey(file.key())).toList();
        model.addAttribute("writtenFiles", written);
        model.addAttribute("reportXlsx", written.contains(ReconciliationFile.REPORT_XLSX));
        if (context.containsKey(ReconciliationFile.MANIFEST.key())
                && context.containsKey(ReconciliationFile.REPORT_CSV.key())) {
            try {
                ManifestCheck check = manifests.check(Path.of(context.getString(ReconciliationFile.REPORT_CSV.key())));
                model.addAttribute("manifestCheck", check);
            } catch (ManifestUnreadableException e) {
                model.addAttribute("manifestProblem", e.getMessage());
            }
        }
    }
}
