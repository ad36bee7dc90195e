package dev.superapp.batch.schedule;

import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.CampaignDefinitionParser;
import dev.superapp.batch.system.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every job definition in {@code jobs.dir}: {@code reconciliation.yaml} and {@code campaigns/*.yaml}.
 * A campaign without a {@code schedule} is not scheduled (it is pushed by hand). A file that cannot be
 * scheduled is kept as a problem and does not stop the others.
 */
final class JobDefinitionReader {

    static final String RECONCILIATION = "reconciliation";

    /**
     * What one read found.
     *
     * @param problems one line per invalid file (naming it), by the job name a valid version would have
     */
    record Scan(List<ScheduledDefinition> definitions, Map<String, String> problems) {
    }

    private final ReconciliationDefinitionParser reconciliations = new ReconciliationDefinitionParser();
    private final CampaignDefinitionParser campaigns;
    private final CampaignTimeZones zones;

    /** @param zones the zone a campaign's cron is read in: its {@code timeZone}, else the console's */
    JobDefinitionReader(CampaignDefinitionParser campaigns, CampaignTimeZones zones) {
        this.campaigns = campaigns;
        this.zones = zones;
    }

    Scan read(Path dir) {
        List<ScheduledDefinition> definitions = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        Path reconciliation = dir.resolve(RECONCILIATION + ".yaml");
        if (Files.isRegularFile(reconciliation)) {
            try {
                definitions.add(reconciliations.parse(reconciliation, fingerprint(reconciliation)));
            } catch (JobDefinitionException e) {
                problems.put(RECONCILIATION, e.getMessage());
            }
        }
        for (Path file : campaignFiles(dir.resolve("campaigns"))) {
            try {
                CampaignDefinition campaign = campaigns.parse(file);
                if (campaign.schedule() != null) {
                    definitions.add(new ScheduledDefinition(campaignName(file), JobKind.CAMPAIGN,
                            campaign.schedule(), zones.of(campaign), file, Map.of(), fingerprint(file), campaign));
                }
            } catch (UserInputException | JobDefinitionException e) {
                problems.put(campaignName(file), e.getMessage().replace(System.lineSeparator(), "; "));
            }
        }
        return new Scan(definitions, problems);
    }

    private static String campaignName(Path file) {
        return "campaign:" + file.getFileName();
    }

    private static List<Path> campaignFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String fingerprint(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new JobDefinitionException(file + ": cannot be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
