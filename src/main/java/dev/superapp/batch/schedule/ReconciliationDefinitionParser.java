package dev.superapp.batch.schedule;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.CronExpression;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code jobs/reconciliation.yaml} (DESIGN.md "Reconciliation definition"): {@code job: reconciliation},
 * a Quartz {@code cron}, an optional {@code timeZone} and optional {@code options} that override the
 * reconciliation properties. Every problem is found before the definition is scheduled, and unknown keys are
 * problems too, so a typo never silently drops an option.
 */
final class ReconciliationDefinitionParser {

    private static final Set<String> TOP_LEVEL = Set.of("job", "cron", "timeZone", "options");
    private static final Set<String> OPTIONS = Set.of("closeAfter", "pollAttempts", "pollInterval");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    /** @throws JobDefinitionException naming the file and every problem, in one line */
    ScheduledDefinition parse(Path file, String fingerprint) {
        JsonNode root;
        try {
            root = yaml.readTree(file);
        } catch (JacksonException e) {
            throw new JobDefinitionException(file + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new JobDefinitionException(file + ": must be a mapping with job, cron, timeZone and options");
        }
        List<String> problems = new ArrayList<>();
        unknown(root, TOP_LEVEL, "", problems);
        if (!"reconciliation".equals(text(root, "job"))) {
            problems.add("job: must be 'reconciliation'");
        }
        String cron = text(root, "cron");
        if (cron == null) {
            problems.add("cron: missing");
        } else if (!CronExpression.isValidExpression(cron)) {
            problems.add("cron: '" + cron + "' is not a valid Quartz cron expression");
        }
        ZoneId zone = zone(text(root, "timeZone"), problems);
        Map<String, String> options = options(root.get("options"), problems);
        if (!problems.isEmpty()) {
            throw new JobDefinitionException(file + ": " + String.join("; ", problems));
        }
        return new ScheduledDefinition(JobDefinitionReader.RECONCILIATION, JobKind.RECONCILIATION, cron, zone, file, options, fingerprint);
    }

    private static ZoneId zone(String given, List<String> problems) {
        if (given == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(given);
        } catch (DateTimeException e) {
            problems.add("timeZone: '" + given + "' is not a time zone (e.g. Asia/Riyadh)");
            return null;
        }
    }

    private static Map<String, String> options(JsonNode node, List<String> problems) {
        Map<String, String> options = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return options;
        }
        if (!node.isObject()) {
            problems.add("options: must be a mapping of closeAfter, pollAttempts, pollInterval");
            return options;
        }
        unknown(node, OPTIONS, "options.", problems);
        for (String name : OPTIONS) {
            String value = text(node, name);
            if (value != null && valid(name, value, problems)) {
                options.put(name, value);
            }
        }
        return options;
    }

    /** Checked here as the job will read them, so a bad option fails the file, not a run at 2:30. */
    private static boolean valid(String name, String value, List<String> problems) {
        try {
            if (name.equals("pollAttempts")) {
                if (Integer.parseInt(value) < 1) {
                    throw new IllegalArgumentException();
                }
            } else if (DurationStyle.detectAndParse(value).isNegative()) {
                throw new IllegalArgumentException();
            }
            return true;
        } catch (IllegalArgumentException e) {
            problems.add("options." + name + ": '" + value + "' is not "
                    + (name.equals("pollAttempts") ? "a whole number of at least 1" : "a duration such as 30m, 2s or PT30M"));
            return false;
        }
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(prefix + name + ": unknown key (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }
}
