package dev.superapp.batch.console.runs;

import dev.superapp.batch.runs.RunProgress;
import dev.superapp.batch.runs.RunProgressService;
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

    @GetMapping("/api/runs/{executionId}/progress")
    RunProgress progress(@PathVariable long executionId) {
        return progress.progress(executionId).orElseThrow(() -> RunsController.notFound(executionId));
    }
}
