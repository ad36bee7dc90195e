package dev.superapp.batch.sandbox;

import java.time.Clock;
import java.util.List;

/**
 * {@code sendNotify} and {@code sendActivity} of seed 001: every required field is checked
 * before anything is delivered, so a refused request delivers nothing.
 */
final class PushEndpoints {

    private static final int MAX_RECIPIENTS = 50;

    private final DeliveryLog log;
    private final Clock clock;

    PushEndpoints(DeliveryLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    SandboxAnswer sendNotify(SandboxRequest request) {
        request.requiredLong("notifyType");
        List<String> openIds = recipients(request);
        request.required("title");
        request.required("text");
        request.required("language");
        String navigateType = request.required("navigateType");
        if (!navigateType.equals("1") && !navigateType.equals("2")) {
            throw RequestRefused.badRequest("navigateType must be 1 (mini app) or 2 (url)");
        }
        if (navigateType.equals("2")) {
            request.required("url");
        }
        log.notified(openIds, clock.instant());
        return SandboxAnswer.ok(true);
    }

    SandboxAnswer sendActivity(SandboxRequest request) {
        String activityId = request.required("activityId");
        List<String> openIds = recipients(request);
        for (String name : List.of("color", "templateId", "title", "text", "iconUrl", "language")) {
            request.required(name);
        }
        long status = request.requiredLong("status");
        if (status != 0 && status != 1) {
            throw RequestRefused.badRequest("status must be 1 (display) or 0 (withdraw)");
        }
        if (request.requiredLong("validityTime") < 0) {
            throw RequestRefused.badRequest("validityTime must not be negative");
        }
        log.activity(activityId, (int) status, openIds, clock.instant());
        return SandboxAnswer.ok(true);
    }

    private static List<String> recipients(SandboxRequest request) {
        List<String> openIds = request.requiredList("openIds");
        if (openIds.size() > MAX_RECIPIENTS) {
            throw RequestRefused.badRequest("openIds holds " + openIds.size() + " ids; at most "
                    + MAX_RECIPIENTS + " per request");
        }
        return openIds;
    }
}
