package dev.superapp.batch.campaign.definition;

import dev.superapp.batch.campaign.audience.AudienceCsv;
import dev.superapp.batch.campaign.audience.AudienceFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a campaign definition ({@code push <campaign.yaml>}, DESIGN.md "Campaign definition") and validates
 * all of it before anything is sent: the id, the channel, the audience file and its header, the schedule and
 * the fields the channel's endpoint requires. It reports every problem at once in a
 * {@link CampaignDefinitionException}. Unknown and repeated keys are problems too, so a typo never drops a field.
 */
@Component
public class CampaignDefinitionParser {

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> TOP_LEVEL = Set.of("campaign", "channel", "audience", "schedule", "canary",
            "notAfter", "timeZone",
            Channel.ACTIVITY.key(), Channel.NOTIFY.key(), Channel.CARDFORM.key());
    private static final String REQUIRED = "every campaign";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    /** Whether {@code text} is a campaign id: 1 to 64 of A-Z a-z 0-9 _ -, so also safe in a file name or an address. */
    public static boolean isCampaignId(String text) {
        return CAMPAIGN_ID.matcher(text).matches();
    }

    /** @throws CampaignDefinitionException listing every problem, one line each naming the file and the field */
    public CampaignDefinition parse(Path file) {
        DefinitionProblems problems = new DefinitionProblems(file);
        JsonNode root = read(file, problems);
        problems.throwIfAny();
        return validate(root, file.toAbsolutePath().getParent(), problems);
    }

    /**
     * A definition built in memory (the console's form), validated exactly as a file is, with its audience named
     * relative to {@code folder}.
     *
     * @throws CampaignDefinitionException listing every problem, one line each naming the field
     */
    public CampaignDefinition parse(JsonNode root, Path folder) {
        return validate(root, folder.toAbsolutePath(), DefinitionProblems.unnamed());
    }

    private CampaignDefinition validate(JsonNode root, Path folder, DefinitionProblems problems) {
        YamlSection top = new YamlSection(root, "", REQUIRED, problems);
        top.rejectUnknown(TOP_LEVEL);
        String campaignId = top.text("campaign");
        if (campaignId != null && !campaignId.isBlank() && !isCampaignId(campaignId)) {
            top.problem("campaign", "'" + campaignId + "' is not a campaign id: 1 to 64 of A-Z a-z 0-9 _ -");
        }
        Channel channel = channel(top);
        Path audience = audience(top, folder, channel);
        String schedule = schedule(top);
        MessageSettings message = channel == null ? null : message(top, channel);
        JsonNode canary = top.get("canary");
        Canary checked = canary == null ? null : Canary.read(top.child(canary, "canary", "a canary"));
        OffsetDateTime notAfter = notAfter(top);
        ZoneId timeZone = timeZone(top);
        problems.throwIfAny();
        return new CampaignDefinition(campaignId, channel, audience, schedule, message, checked, notAfter, timeZone);
    }

    private JsonNode read(Path file, DefinitionProblems problems) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.addForFile("cannot be read (no such file, or not a readable file)");
            return null;
        }
        try {
            JsonNode root = yaml.readTree(file);
            if (!root.isObject()) {
                problems.addForFile("must be a YAML mapping with campaign, channel, audience and the channel's section");
            }
            return root;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            problems.addForFile(where + "not valid YAML: " + oneLine(e.getOriginalMessage()));
            return null;
        }
    }

    private static Channel channel(YamlSection top) {
        String key = top.text("channel");
        if (key == null || key.isBlank()) {
            return null;
        }
        return Channel.fromKey(key).orElseGet(() -> {
            top.problem("channel", "unknown channel '" + key + "' (expected activity, notify or cardform)");
            return null;
        });
    }

    /** Resolved against the definition's folder; it must be readable and its header name the channel's id column. */
    private static Path audience(YamlSection top, Path folder, Channel channel) {
        String given = top.text("audience");
        if (given == null || given.isBlank()) {
            return null;
        }
        Path audience;
        try {
            audience = folder.resolve(given).normalize();
        } catch (InvalidPathException e) {
            top.problem("audience", "'" + given + "' is not a file path: " + e.getMessage());
            return null;
        }
        if (!Files.isRegularFile(audience) || !Files.isReadable(audience)) {
            top.problem("audience", audience + (Files.exists(audience) ? " is not a readable file" : " does not exist"));
        } else if (channel != null) {
            try (AudienceCsv csv = new AudienceCsv(audience, channel.audienceColumn())) {
                // Opening checks the header, before anything is staged or sent.
            } catch (AudienceFileException e) {
                top.problem("audience", e.getMessage());
            } catch (IOException e) {
                top.problem("audience", audience + " cannot be read: " + e.getMessage());
            }
        }
        return audience;
    }

    private static String schedule(YamlSection top) {
        String cron = top.optionalText("schedule");
        if (cron != null) {
            try {
                new CronExpression(cron);
            } catch (ParseException e) {
                top.problem("schedule", "'" + cron + "' is not a valid Quartz cron expression: " + e.getMessage());
            }
        }
        return cron;
    }

    /** With its offset, so the moment is never read in whatever zone the server happens to run in. */
    private static OffsetDateTime notAfter(YamlSection top) {
        String text = top.optionalText("notAfter");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            top.problem("notAfter", "'" + text + "' is not a date and time with its offset, such as 2026-12-24T23:59:59+03:00");
            return null;
        }
    }

    private static ZoneId timeZone(YamlSection top) {
        String text = top.optionalText("timeZone");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            top.problem("timeZone", "'" + text + "' is not a time zone, such as Asia/Riyadh or Europe/Paris");
            return null;
        }
    }

    /** The channel's own section is required; another channel's section is a mistake, not a spare. */
    private static MessageSettings message(YamlSection top, Channel channel) {
        for (Channel other : Channel.values()) {
            if (other != channel && top.get(other.key()) != null) {
                top.problem(other.key(), "is for channel " + other.key() + " but channel is " + channel.key()
                        + "; remove it");
            }
        }
        JsonNode node = top.get(channel.key());
        if (node == null) {
            top.problem(channel.key(), "missing; channel " + channel.key() + " needs its message section");
            return null;
        }
        YamlSection section = top.child(node, channel.key(), channel.endpoint());
        return switch (channel) {
            case ACTIVITY -> ActivitySettings.read(section);
            case NOTIFY -> NotifySettings.read(section);
            case CARDFORM -> CardFormSettings.read(section);
        };
    }

    /** YAML parser messages span several lines with a source excerpt; keep the words, one line. */
    private static String oneLine(String message) {
        return message.lines().filter(line -> !line.startsWith(" ") && !line.isBlank())
                .collect(Collectors.joining(" ")).trim();
    }
}
