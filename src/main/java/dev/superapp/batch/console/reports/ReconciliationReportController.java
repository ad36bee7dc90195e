package dev.superapp.batch.console.reports;


import dev.superapp.batch.console.reports.ReconciliationRuns.RunIdentity;
import dev.superapp.batch.reconciliation.OpenOrderCounts;
import dev.superapp.batch.reconciliation.Outcome;
import dev.superapp.batch.reconciliation.ReconciliationFile;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.system.IsoDateInput;
import dev.superapp.batch.system.UserInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finance's reconciliation reports: runs by business date with a chart of their outcomes, one run's
 * summary and rows, and its report files. Only finance (and admins) get here; see the console's security rules.
 */
@Controller
@RequestMapping("/reports/reconciliation")
class ReconciliationReportController {

    static final int RUNS_PER_PAGE = 50;
    static final int CHART_RUNS = 30;
    static final int ROWS_PER_PAGE = 100;

    private final ReconciliationRuns runs;
    private final ReconciliationRows rows;
    private final ReconciliationLauncher launcher;
    private final JobRepository jobRepository;
    private final ReportDownloads downloads;
    private final OpenOrderCounts openCounts;
    private final RunClosing closing;

    ReconciliationReportController(ReconciliationRuns runs, ReconciliationRows rows, ReconciliationLauncher launcher,
                                   JobRepository jobRepository, ReportDownloads downloads, OpenOrderCounts openCounts,
                                   RunClosing closing) {
        this.runs = runs;
        this.rows = rows;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.downloads = downloads;
        this.openCounts = openCounts;
        this.closing = closing;
    }

    @GetMapping
    String runs(@RequestParam(name = "date", required = false) String dateText,
                @RequestParam(required = false) Long before, Model model) {
        // Typed or edited by a person: a bad date is a message on the page, with every date listed below it.
        LocalDate date = null;
        if (dateText != null && !dateText.isBlank()) {
            try {
                date = IsoDateInput.parse(dateText);
            } catch (UserInputException notADate) {
                model.addAttribute("problem", notADate.getMessage());
            }
        }
        RowPage<RunSummary> page = RowPage.of(runs.newest(date, before, RUNS_PER_PAGE + 1), RUNS_PER_PAGE,
                RunSummary::instanceId);
        Map<LocalDate, List<RunSummary>> byDate = page.rows().stream()
                .collect(Collectors.groupingBy(RunSummary::businessDate, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("date", date);
        model.addAttribute("byDate", byDate);
        model.addAttribute("next", page.next());
        List<RunSummary> charted = runs.newest(null, null, CHART_RUNS);
        model.addAttribute("chart", OutcomeChart.of(charted,
                openCounts.byExecution(charted.stream().map(RunSummary::executionId).toList())));
        return "reports/reconciliation-runs";
    }

    @GetMapping("/{executionId}")
    String run(@PathVariable long executionId, @RequestParam(defaultValue = "") String outcome,
               @RequestParam(defaultValue = "0") long after, Model model, HttpServletResponse response) {
        RunIdentity identity = identify(executionId);
        JobExecution execution = jobRepository.getJobExecution(executionId);
        Optional<Outcome> filter = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(outcome)).findFirst();
        if (!outcome.isEmpty() && filter.isEmpty()) {
            // A hand-edited address: say what is accepted rather than show every row as if unfiltered.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "There is no outcome '" + outcome + "'. Outcomes are "
                    + Arrays.stream(Outcome.values()).map(Outcome::name).collect(Collectors.joining(", ")) + ".");
            model.addAttribute("rows", new RowPage<ResultRow>(List.of(), null));
        } else {
            model.addAttribute("rows", rows.page(identity.instanceId(), filter.orElse(null), after, ROWS_PER_PAGE));
        }
        model.addAttribute("run", launcher.describe(execution));
        model.addAttribute("identity", identity);
        model.addAttribute("businessDate", execution.getJobParameters().getString("businessDate"));
        model.addAttribute("amounts", rows.amounts(identity.instanceId()));
        model.addAttribute("outcome", filter.orElse(null));
        closing.addTo(model, identity.instanceId(), execution);
        return "reports/reconciliation-run";
    }

    /** {@code report.csv}, {@code open.xlsx}, {@code manifest.json}...: one of the files the run recorded. */
    @GetMapping("/{executionId}/{download:.+}")
    ResponseEntity<Resource> file(@PathVariable long executionId, @PathVariable String download) {
        ReconciliationFile file = Arrays.stream(ReconciliationFile.values())
                .filter(candidate -> candidate.download().equals(download)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report file"));
        return downloads.download(describe(executionId).file(file));
    }

    private ReconciliationRun describe(long executionId) {
        identify(executionId);
        return launcher.describe(jobRepository.getJobExecution(executionId));
    }

    private RunIdentity identify(long executionId) {
        return runs.identify(executionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no reconciliation run " + executionId));
    }
}
