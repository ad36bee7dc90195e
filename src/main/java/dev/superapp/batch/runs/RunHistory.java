package dev.superapp.batch.runs;

import dev.superapp.batch.campaign.CampaignJobConfiguration;
import dev.superapp.batch.console.RunScope;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recent job executions of every node, newest first, read with two queries over the Spring Batch tables
 * (and {@code job_node}, which says where each ran): the
 * Batch 6 API has no "latest executions of any job", and walking instances job by job would
 * cost a query per execution. The {@code runs} command and the console's Runs pages both read it.
 */
@Repository
public class RunHistory {

    private record Totals(long executionId, String node, String jobName, String status, String exitCode, LocalDateTime startTime,
                          LocalDateTime endTime, long readCount, long writeCount, long skipCount) {
    }

    private record Parameter(long executionId, String parameterName, String parameterValue) {
    }

    private record Step(long executionId, String stepName, long readCount, long writeCount, long skipCount) {
    }

    private static final RunScope EVERY_JOB = new RunScope(true, Set.of());

    private final JdbcClient jdbc;
    private final RunStops stops;

    RunHistory(JdbcClient jdbc, RunStops stops) {
        this.jdbc = jdbc;
        this.stops = stops;
    }

    /** The {@code limit} newest executions. */
    public List<Run> recent(int limit) {
        return before(Long.MAX_VALUE, limit);
    }

    /** The {@code limit} newest executions with an id below {@code executionId}: the next page, by key. */
    public List<Run> before(long executionId, int limit) {
        return executions(0, executionId, limit, EVERY_JOB);
    }

    /** As {@link #before(long, int)}, of the jobs {@code scope} sees only. */
    public List<Run> before(long executionId, int limit, RunScope scope) {
        if (!scope.everyJob() && scope.jobNames().isEmpty()) {
            return List.of();
        }
        return executions(0, executionId, limit, scope);
    }

    /** One execution, with the same counts and parameters as the list shows. */
    public Optional<Run> find(long executionId) {
        return executions(executionId, executionId + 1, 1, EVERY_JOB).stream().findFirst();
    }

    /** Executions with {@code fromId <= id < beforeId} of the jobs {@code scope} sees, newest first. */
    private List<Run> executions(long fromId, long beforeId, int limit, RunScope scope) {
        String jobs = scope.everyJob() ? "" : " AND i.JOB_NAME IN (:jobs)";
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT e.JOB_EXECUTION_ID AS execution_id, COALESCE(MAX(n.NODE_ID), '-') AS node, i.JOB_NAME AS job_name, e.STATUS AS status,
                       e.EXIT_CODE AS exit_code,
                       e.START_TIME AS start_time, e.END_TIME AS end_time,
                       COALESCE(SUM(s.READ_COUNT), 0) AS read_count,
                       COALESCE(SUM(s.WRITE_COUNT), 0) AS write_count,
                       COALESCE(SUM(s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT), 0) AS skip_count
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                LEFT JOIN job_node n ON n.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE e.JOB_EXECUTION_ID >= :fromId AND e.JOB_EXECUTION_ID < :beforeId""" + jobs + """

                GROUP BY e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE, e.START_TIME, e.END_TIME
                ORDER BY e.JOB_EXECUTION_ID DESC
                LIMIT :limit""")
                .param("fromId", fromId)
                .param("beforeId", beforeId)
                .param("limit", limit);
        List<Totals> executions = (scope.everyJob() ? query : query.param("jobs", List.copyOf(scope.jobNames())))
                .query(Totals.class)
                .list();
        if (executions.isEmpty()) {
            return List.of();
        }
        List<Long> ids = executions.stream().map(Totals::executionId).toList();
        Map<Long, Map<String, String>> parameters = identifyingParameters(ids);
        Map<Long, List<StepCount>> steps = steps(ids);
        Map<Long, RunStop> stopped = stops.of(executions.stream()
                .filter(e -> RunKind.of(e.jobName()) == RunKind.CAMPAIGN)
                .map(e -> new RunStops.Stopped(e.executionId(),
                        parameters.getOrDefault(e.executionId(), Map.of()).get(CampaignJobConfiguration.CAMPAIGN_PARAMETER),
                        BatchStatus.valueOf(e.status()), e.startTime(), e.endTime()))
                .filter(e -> e.campaignId() != null)
                .toList());
        return executions.stream()
                .map(e -> new Run(e.executionId(), e.node(), e.jobName(), e.status(), e.exitCode(), e.startTime(), e.endTime(),
                        e.readCount(), e.writeCount(), e.skipCount(), parameters.getOrDefault(e.executionId(), Map.of()),
                        steps.getOrDefault(e.executionId(), List.of()), stopped.get(e.executionId())))
                .toList();
    }

    /** Each execution's steps in the order they ran. */
    private Map<Long, List<StepCount>> steps(List<Long> executionIds) {
        return jdbc.sql("""
                SELECT JOB_EXECUTION_ID AS execution_id, STEP_NAME AS step_name, READ_COUNT AS read_count,
                       WRITE_COUNT AS write_count, READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT AS skip_count
                FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID IN (:ids)
                ORDER BY JOB_EXECUTION_ID, STEP_EXECUTION_ID""")
                .param("ids", executionIds)
                .query(Step.class)
                .list().stream()
                .collect(Collectors.groupingBy(Step::executionId, Collectors.mapping(
                        step -> new StepCount(step.stepName(), step.readCount(), step.writeCount(), step.skipCount()),
                        Collectors.toList())));
    }

    /** Name to value per execution, sorted by name: what makes each job instance distinct. */
    private Map<Long, Map<String, String>> identifyingParameters(List<Long> executionIds) {
        return jdbc.sql("""
                SELECT JOB_EXECUTION_ID AS execution_id, PARAMETER_NAME AS parameter_name, PARAMETER_VALUE AS parameter_value
                FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE JOB_EXECUTION_ID IN (:ids) AND IDENTIFYING = 'Y'
                ORDER BY JOB_EXECUTION_ID, PARAMETER_NAME""")
                .param("ids", executionIds)
                .query(Parameter.class)
                // list(), not stream(): an unclosed query stream keeps its connection out of the pool for good.
                .list().stream()
                .collect(Collectors.groupingBy(Parameter::executionId, LinkedHashMap::new,
                        Collectors.toMap(Parameter::parameterName, Parameter::parameterValue, (a, b) -> b, LinkedHashMap::new)));
    }
}
