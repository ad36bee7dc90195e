package dev.superapp.batch.console.exceptions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One platform answer of a decision's evidence, split out of the stored text
 * ({@code tradedetail @ 2026-11-25T02:30:01.120Z: {...}} a line; older rows have no time), so the order's
 * page can show each call, when it was answered, and the answer formatted.
 *
 * @param at empty when the evidence predates times
 */
record EvidenceEntry(String call, String at, String answer) {

    private static final Pattern START = Pattern.compile("^(tradedetail|tradeclose|error)(?: @ (\\S+))?: (.*)$");

    static List<EvidenceEntry> parse(String evidence) {
        List<EvidenceEntry> entries = new ArrayList<>();
        if (evidence == null || evidence.isBlank()) {
            return entries;
        }
        for (String line : evidence.split("\n", -1)) {
            Matcher start = START.matcher(line);
            if (start.matches()) {
                entries.add(new EvidenceEntry(start.group(1), start.group(2) == null ? "" : start.group(2), start.group(3)));
            } else if (entries.isEmpty()) {
                entries.add(new EvidenceEntry("", "", line));
            } else {
                // A raw answer spread over several lines belongs to the call before it.
                EvidenceEntry last = entries.remove(entries.size() - 1);
                entries.add(new EvidenceEntry(last.call(), last.at(), last.answer() + "\n" + line));
            }
        }
        return entries;
    }
}
