package dev.superapp.batch.console.runs;

import dev.superapp.batch.runs.RunProgress;
import dev.superapp.batch.runs.RunProgressService;
import dev.superapp.batch.console.RunScope;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The JSON the console's progress bars poll while an execution runs. */
@RestController
class RunProgressController {

    private final RunProgressService progress;

    RunProgressController(RunProgressService progress) {
        this.progress = progress;
    }

    /** Only for an execution of a job the user's role sees ({@link RunScope}); any other is not found. */
    @GetMapping("/api/runs/{executionId}/progress")
    RunProgress progress(@PathVariable long executionId, Authentication user) {
        RunScope scope = RunScope.of(user);
        return progress.progress(executionId).filter(found -> scope.sees(found.job()))
                .orElseThrow(() -> RunsController.notFound(executionId));
    }
}
