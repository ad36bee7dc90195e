package dev.superapp.batch.cli;

import dev.superapp.batch.sandbox.SandboxCardForm;
import dev.superapp.batch.sandbox.SandboxSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code sandbox} prints so that every channel can be tried against it: the environment variables of every
 * platform it serves (SuperApp, card form, MOS), as {@code export} lines to paste into a shell. The secrets
 * printed are the sandbox's own, chosen with {@code --secret}; a real platform's never pass through here.
 */
record SandboxCredentials(String baseUrl, SandboxSettings settings) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    /** Environment variable to value, in the order printed. */
    Map<String, String> variables() {
        SandboxCardForm cardForm = settings.cardForm();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("SUPERAPP_BASE_URL", baseUrl);
        variables.put("SUPERAPP_APP_ID", settings.appId());
        variables.put("SUPERAPP_SECRET", settings.secret());
        variables.put("CARDFORM_BASE_URL", baseUrl);
        variables.put("CARDFORM_MINIAPP_ID", cardForm.miniappId());
        variables.put("CARDFORM_BIZ_ID", cardForm.bizId());
        variables.put("CARDFORM_SECRET_ACCESS_KEY", cardForm.secretAccessKey());
        variables.put("MOS_BASE_URL", baseUrl);
        variables.put("MOS_APP_KEY", settings.appId());
        variables.put("MOS_APP_SECRET", settings.secret());
        return variables;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("sandbox listening on " + baseUrl + " (SuperApp, card form and MOS); point the other commands at it with:");
        variables().forEach((name, value) -> lines.add("export " + name + "=" + shellQuoted(value)));
        lines.add("# to reconcile against MOS instead of SuperApp, also: export RECONCILIATION_PLATFORM=mos");
        return lines;
    }

    /** As a POSIX shell reads it back: plain when safe, else in single quotes (a quote inside as '\''). */
    static String shellQuoted(String value) {
        return SHELL_SAFE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
