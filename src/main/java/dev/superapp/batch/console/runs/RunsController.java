package dev.superapp.batch.console.runs;

import dev.superapp.batch.runs.Run;
import dev.superapp.batch.runs.RunHistory;
import dev.superapp.batch.console.RunScope;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The console's Runs pages: every job execution, newest first, and one execution in detail. */
@Controller
class RunsController {

    static final int PAGE_SIZE = 25;

    private final RunHistory history;
    private final JobRepository jobRepository;

    RunsController(RunHistory history, JobRepository jobRepository) {
        this.history = history;
        this.jobRepository = jobRepository;
    }

    /**
     * A page of the executions the user's role sees ({@link RunScope}); {@code before} is the last execution id of
     * the previous page (keyset paging).
     */
    @GetMapping("/runs")
    String list(@RequestParam(required = false) Long before, Authentication user, Model model) {
        List<Run> runs = history.before(before == null ? Long.MAX_VALUE : before, PAGE_SIZE + 1, RunScope.of(user));
        List<Run> page = runs.subList(0, Math.min(PAGE_SIZE, runs.size()));
        model.addAttribute("runs", page);
        model.addAttribute("older", runs.size() > PAGE_SIZE ? page.get(page.size() - 1).executionId() : null);
        model.addAttribute("newer", before != null);
        return "runs";
    }

    /** One execution, if the user's role sees its job: another role's run is not found, as one that never was. */
    @GetMapping("/runs/{executionId}")
    String detail(@PathVariable long executionId, Authentication user, Model model) {
        RunScope scope = RunScope.of(user);
        Run run = history.find(executionId).filter(found -> scope.sees(found.jobName()))
                .orElseThrow(() -> notFound(executionId));
        JobExecution execution = jobRepository.getJobExecution(executionId);
        model.addAttribute("run", run);
        model.addAttribute("runScope", scope);
        model.addAttribute("parameters", execution.getJobParameters().parameters().stream()
                .sorted(Comparator.comparing(parameter -> parameter.name())).toList());
        model.addAttribute("exitDescription", scope.exitDescription(execution.getExitStatus().getExitDescription()));
        model.addAttribute("steps", execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId)).toList());
        return "run";
    }

    static ResponseStatusException notFound(long executionId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no job execution " + executionId);
    }
}
