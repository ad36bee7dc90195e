package dev.superapp.batch.campaign.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The card-form deep link of seed 003 §4.3, which the platform validates strictly and refuses otherwise:
 * <pre>
 * launcherdlt://miniapp?appId={miniappId}&amp;h5Path=xxx&amp;query=yyy   (shell mini program)
 * launcherdlt://miniapp?appId={miniappId}&amp;page=xxx&amp;query=yyy     (regular mini program)
 * </pre>
 * The rule, kept simple:
 * <ul>
 * <li>scheme {@code launcherdlt://}, host {@code miniapp}, then {@code ?} and {@code name=value} parameters
 *     joined by {@code &};</li>
 * <li>the parameters are {@code appId} (not empty) and {@code query}, with exactly one of {@code h5Path} or
 *     {@code page}; each at most once, no others; values other than appId may be empty;</li>
 * <li>{@code h5Path} and {@code query} carry URL-encoded values (the seed's {@code %2Fexample} and
 *     {@code param%3D1}): only letters, digits, {@code - _ . ! ~ * ' ( ) +} and {@code %XX} escapes, so a raw
 *     {@code /} or {@code =} is refused, and a raw {@code &} shows up as an unknown parameter;</li>
 * <li>{@code page} is a page path ({@code pages/index/index}): the same characters plus {@code /}.</li>
 * </ul>
 */
final class DeepLinkRule {

    private static final String PREFIX = "launcherdlt://miniapp?";
    private static final Pattern ENCODED = Pattern.compile("([A-Za-z0-9\\-_.!~*'()+]|%[0-9A-Fa-f]{2})*");
    private static final Pattern PAGE_PATH = Pattern.compile("([A-Za-z0-9\\-_.!~*'()+/]|%[0-9A-Fa-f]{2})*");
    private static final List<String> NAMES = List.of("appId", "h5Path", "page", "query");

    private DeepLinkRule() {
    }

    /** Whether a text value is meant as a deep link: its scheme is launcherdlt, however well formed the rest. */
    static boolean isDeepLink(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("launcherdlt:");
    }

    /** What is wrong with a deep link, one line each; empty when it follows the rule. */
    static List<String> problems(String link) {
        if (!link.startsWith(PREFIX)) {
            return List.of("'" + link + "' must start with " + PREFIX + " (scheme launcherdlt, host miniapp)");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : link.substring(PREFIX.length()).split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            if (!NAMES.contains(name)) {
                problems.add("has unknown parameter '" + parameter + "' (expected appId, h5Path or page, and query;"
                        + " an '&' inside a value must be encoded as %26)");
            } else if (parameters.putIfAbsent(name, equals < 0 ? null : parameter.substring(equals + 1)) != null) {
                problems.add("has parameter " + name + " twice");
            }
        }
        checkPresence(parameters, problems);
        checkValue(parameters, "appId", ENCODED, problems);
        checkValue(parameters, "h5Path", ENCODED, problems);
        checkValue(parameters, "query", ENCODED, problems);
        checkValue(parameters, "page", PAGE_PATH, problems);
        return problems;
    }

    private static void checkPresence(Map<String, String> parameters, List<String> problems) {
        if (!parameters.containsKey("appId") || "".equals(parameters.get("appId"))) {
            problems.add("needs a non-empty appId parameter");
        }
        if (parameters.containsKey("h5Path") == parameters.containsKey("page")) {
            problems.add("needs exactly one of h5Path (shell mini program) or page (regular mini program)");
        }
        if (!parameters.containsKey("query")) {
            problems.add("needs a query parameter (it may be empty: query=)");
        }
    }

    private static void checkValue(Map<String, String> parameters, String name, Pattern allowed,
                                   List<String> problems) {
        if (!parameters.containsKey(name)) {
            return;
        }
        String value = parameters.get(name);
        if (value == null) {
            problems.add("has parameter " + name + " without '='");
        } else if (!allowed.matcher(value).matches()) {
            problems.add("has " + name + " value '" + value + "' that is not URL-encoded"
                    + (name.equals("page") ? "" : " (encode '/' as %2F, '=' as %3D, '&' as %26)"));
        }
    }
}
