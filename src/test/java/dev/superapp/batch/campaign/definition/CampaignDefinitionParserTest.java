package dev.superapp.batch.campaign.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.superapp.batch.platform.cardform.CardFormLabel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignDefinitionParserTest {

    static final String ACTIVITY = """
            campaign: spring-sale-2026
            channel: activity
            audience: audiences/spring-sale.csv
            schedule: "0 0 9 1 12 ? 2026"
            activity: {activityId: spring-sale-2026, templateId: "1", color: FFFFFF, title: Spring sale,
                       text: 20% off, iconUrl: https://cdn.example/i.png, path: pages/index/index,
                       validityTime: 86400, status: 1, language: en_US}
            """;

    @TempDir Path dir;
    final CampaignDefinitionParser parser = new CampaignDefinitionParser();

    @BeforeEach
    void audiences() throws IOException {
        Files.createDirectories(dir.resolve("audiences"));
        Files.writeString(dir.resolve("audiences/spring-sale.csv"), "open_id,name\nu1,Ann\n");
        Files.writeString(dir.resolve("audiences/cards.csv"), "unique_id\nc1\n");
    }

    @Test
    void readsTheDesignExampleWithTheAudienceResolvedNextToTheYamlFile() throws IOException {
        CampaignDefinition definition = parser.parse(write("spring.yaml", ACTIVITY));

        assertThat(definition.campaignId()).isEqualTo("spring-sale-2026");
        assertThat(definition.channel()).isEqualTo(Channel.ACTIVITY);
        assertThat(definition.audience()).isEqualTo(dir.resolve("audiences/spring-sale.csv").toAbsolutePath());
        assertThat(definition.schedule()).isEqualTo("0 0 9 1 12 ? 2026");
        assertThat(definition.message()).isEqualTo(new ActivitySettings("spring-sale-2026", "1", "FFFFFF",
                "Spring sale", "20% off", "https://cdn.example/i.png", "pages/index/index", 86400, 1, "en_US"));
    }

    @Test
    void readsTheEndTimeWithItsOffsetAndTheZoneAndKeepsThemInTheStoredDefinition() throws IOException {
        CampaignDefinition definition = parser.parse(write("ends.yaml",
                ACTIVITY + "notAfter: 2026-12-24T23:59:59+03:00\ntimeZone: Asia/Riyadh\n"));

        assertThat(definition.notAfter()).isEqualTo(OffsetDateTime.parse("2026-12-24T23:59:59+03:00"));
        assertThat(definition.timeZone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
        assertThat(definition.endedAt(Instant.parse("2026-12-24T20:59:59Z"))).isFalse();
        assertThat(definition.endedAt(Instant.parse("2026-12-24T21:00:00Z"))).isTrue();
        assertThat(DefinitionJson.read(DefinitionJson.write(definition))).isEqualTo(definition);
        assertThat(DefinitionJson.read(DefinitionJson.write(parser.parse(write("plain.yaml", ACTIVITY)))).notAfter()).isNull();
    }

    @Test
    void readsANotifyDefinitionWithoutSchedule() throws IOException {
        CampaignDefinition definition = parser.parse(write("notify.yaml", """
                campaign: paid-thanks
                channel: notify
                audience: audiences/spring-sale.csv
                notify: {notifyType: 1, title: Thanks, text: Paid, navigateType: "2", url: "https://x.example",
                         link: "", language: en_US}
                """));

        assertThat(definition.schedule()).isNull();
        assertThat(definition.message())
                .isEqualTo(new NotifySettings(1, "Thanks", "Paid", "2", "https://x.example", "", "en_US"));
    }

    @Test
    void readsACardFormDefinitionKeepingTheTextAsWritten() throws IOException {
        CampaignDefinition definition = parser.parse(write("cards.yaml", """
                campaign: cards
                channel: cardform
                audience: audiences/cards.csv
                cardform:
                  text: {imageUrl: "https://cdn.example/a.jpg",
                         clickUrl: "launcherdlt://miniapp?appId=300000&h5Path=%2Fexample&query=param%3D1"}
                  keyword: iphone
                  labels: [{labelName: country, labelValue: "406"}]
                """));

        CardFormSettings cardForm = (CardFormSettings) definition.message();
        assertThat(cardForm.text()).containsExactly(Map.entry("imageUrl", "https://cdn.example/a.jpg"),
                Map.entry("clickUrl", "launcherdlt://miniapp?appId=300000&h5Path=%2Fexample&query=param%3D1"));
        assertThat(cardForm.keyword()).isEqualTo("iphone");
        assertThat(cardForm.labels()).containsExactly(new CardFormLabel("country", "406"));
    }

    @Test
    void reportsEveryProblemAtOnceOneLineEachNamingFileAndField() throws IOException {
        Path file = write("broken.yaml", ACTIVITY.replace("campaign: spring-sale-2026", "campaign: spring sale")
                .replace("color: FFFFFF, ", "").replace("0 0 9 1 12 ? 2026", "every monday")
                + "audiance: other.csv\n");

        CampaignDefinitionException e = catchThrowableOfType(CampaignDefinitionException.class,
                () -> parser.parse(file));

        assertThat(problems(file)).containsExactlyInAnyOrder(
                file + ": audiance: unknown field (expected one of activity, audience, campaign, canary, cardform, channel,"
                        + " notAfter, notify, schedule, timeZone)",
                file + ": campaign: 'spring sale' is not a campaign id: 1 to 64 of A-Z a-z 0-9 _ -",
                file + ": schedule: 'every monday' is not a valid Quartz cron expression: Illegal characters"
                        + " for this position: 'EVE'",
                file + ": activity.color: missing; sendActivity requires it");
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(), e.problems()));
    }

    @Test
    void reportsEachFieldSendActivityRequiresWhenMissing() throws IOException {
        Path file = write("empty-activity.yaml", ACTIVITY.replaceAll("(?s)activity: \\{.*", "activity: {path: p}\n"));

        assertThat(problems(file)).containsExactlyInAnyOrderElementsOf(
                List.of("activityId", "templateId", "color", "title", "text", "iconUrl", "validityTime", "status",
                        "language").stream().map(field -> file + ": activity." + field
                        + ": missing; sendActivity requires it").toList());
    }

    @Test
    void refusesAnActivityStatusOtherThan0Or1AndANonPositiveValidityTime() throws IOException {
        Path file = write("values.yaml", ACTIVITY.replace("status: 1", "status: 2")
                .replace("validityTime: 86400", "validityTime: 0"));

        assertThat(problems(file)).containsExactlyInAnyOrder(
                file + ": activity.validityTime: must be a number of seconds more than 0, not '0'",
                file + ": activity.status: must be 1 (show) or 0 (remove), not '2'");
    }

    @Test
    void reportsEachFieldSendNotifyRequiresAndTheUrlWhenNavigatingToAUrl() throws IOException {
        Path missing = write("notify-missing.yaml", """
                campaign: n1
                channel: notify
                audience: audiences/spring-sale.csv
                notify: {navigateType: 2, link: ""}
                """);
        Path badType = write("notify-type.yaml", """
                campaign: n2
                channel: notify
                audience: audiences/spring-sale.csv
                notify: {notifyType: 1, title: t, text: x, navigateType: "3", language: en_US}
                """);

        assertThat(problems(missing)).containsExactlyInAnyOrder(
                missing + ": notify.notifyType: missing; sendNotify requires it",
                missing + ": notify.title: missing; sendNotify requires it",
                missing + ": notify.text: missing; sendNotify requires it",
                missing + ": notify.language: missing; sendNotify requires it",
                missing + ": notify.url: missing; sendNotify requires it when navigateType is 2");
        assertThat(problems(badType)).containsExactly(
                badType + ": notify.navigateType: must be 1 (mini app) or 2 (url), not '3'");
    }

    @Test
    void requiresTheCardFormTextAndChecksItsDeepLinks() throws IOException {
        Path noText = write("no-text.yaml", """
                campaign: c1
                channel: cardform
                audience: audiences/cards.csv
                cardform: {keyword: iphone, labels: [{labelName: country}]}
                """);
        Path badLink = write("bad-link.yaml", """
                campaign: c2
                channel: cardform
                audience: audiences/cards.csv
                cardform: {text: {clickUrl: "launcherdlt://miniapp?appId=1&h5Path=/example&query=param%3D1"}}
                """);

        assertThat(problems(noText)).containsExactlyInAnyOrder(
                noText + ": cardform.text: missing; sendCardForm requires it",
                noText + ": cardform.labels[0].labelValue: missing; every label requires it");
        assertThat(problems(badLink)).containsExactly(badLink + ": cardform.text.clickUrl: deep link has h5Path"
                + " value '/example' that is not URL-encoded (encode '/' as %2F, '=' as %3D, '&' as %26)");
    }

    @Test
    void refusesAnUnknownChannel() throws IOException {
        Path file = write("sms.yaml", ACTIVITY.replace("channel: activity", "channel: sms"));

        assertThat(problems(file)).containsExactly(
                file + ": channel: unknown channel 'sms' (expected activity, notify or cardform)");
    }

    @Test
    void refusesACampaignIdLongerThan64Characters() throws IOException {
        String id = "a".repeat(65);
        Path file = write("long.yaml", ACTIVITY.replace("campaign: spring-sale-2026", "campaign: " + id));

        assertThat(problems(file)).containsExactly(
                file + ": campaign: '" + id + "' is not a campaign id: 1 to 64 of A-Z a-z 0-9 _ -");
    }

    @Test
    void refusesAMissingAudienceFileAndADirectory() throws IOException {
        Path missing = write("missing.yaml", ACTIVITY.replace("spring-sale.csv", "nobody.csv"));
        Path folder = write("folder.yaml", ACTIVITY.replace("audiences/spring-sale.csv", "audiences"));

        assertThat(problems(missing)).containsExactly(
                missing + ": audience: " + dir.resolve("audiences/nobody.csv") + " does not exist");
        assertThat(problems(folder)).containsExactly(
                folder + ": audience: " + dir.resolve("audiences") + " is not a readable file");
    }

    @Test
    void refusesAnAudienceWhoseHeaderLacksTheChannelsIdColumn() throws IOException {
        Path file = write("cards-to-openids.yaml", """
                campaign: c3
                channel: cardform
                audience: audiences/spring-sale.csv
                cardform: {text: {imageUrl: a}}
                """);

        assertThat(problems(file)).containsExactly(file + ": audience: " + dir.resolve("audiences/spring-sale.csv")
                + ": line 1: the header has no column unique_id (found: open_id, name)");
    }

    @Test
    void refusesTyposInsideASectionAndAnotherChannelsSection() throws IOException {
        Path file = write("typo.yaml", ACTIVITY.replace("color:", "colour:")
                + "notify: {notifyType: 1}\n");

        assertThat(problems(file)).containsExactlyInAnyOrder(
                file + ": activity.colour: unknown field (expected one of activityId, color, iconUrl, language,"
                        + " path, status, templateId, text, title, validityTime)",
                file + ": activity.color: missing; sendActivity requires it",
                file + ": notify: is for channel notify but channel is activity; remove it");
    }

    @Test
    void refusesARepeatedKeyRatherThanKeepingTheLastOne() throws IOException {
        Path file = write("twice.yaml", ACTIVITY + "campaign: other\n");

        assertThat(problems(file)).singleElement().asString()
                .startsWith(file + ": line 8: not valid YAML: Duplicate property \"campaign\"");
    }

    @Test
    void reportsUnreadableAndMalformedFilesInOneLine() throws IOException {
        Path malformed = write("malformed.yaml", "campaign: [x\nchannel: activity\n");

        assertThat(problems(dir.resolve("absent.yaml")))
                .containsExactly(dir.resolve("absent.yaml") + ": cannot be read (no such file, or not a readable file)");
        assertThat(problems(malformed)).singleElement().asString()
                .startsWith(malformed + ": line 2: not valid YAML: ").doesNotContain("\n");
    }

    @Test
    void readsACanaryAndKeepsItInTheStoredDefinition() throws IOException {
        CampaignDefinition definition = parser.parse(write("canary.yaml",
                ACTIVITY + "canary: {recipients: 500, maxErrorRate: 0.05}\n"));

        assertThat(definition.canary()).isEqualTo(new Canary(500, 0.05));
        assertThat(DefinitionJson.read(DefinitionJson.write(definition)).canary()).isEqualTo(new Canary(500, 0.05));
        assertThat(DefinitionJson.read(DefinitionJson.write(parser.parse(write("none.yaml", ACTIVITY)))).canary()).isNull();
    }

    @Test
    void aCanaryWithoutSensibleNumbersIsAProblemPerField() throws IOException {
        Path file = write("bad-canary.yaml", ACTIVITY + "canary: {recipients: 0, maxErrorRate: 5, size: 3}\n");

        assertThat(problems(file)).containsExactlyInAnyOrder(
                file + ": canary.size: unknown field (expected one of maxErrorRate, recipients)",
                file + ": canary.recipients: must be a whole number of recipients, 1 to 1000000, not '0'",
                file + ": canary.maxErrorRate: must be a share from 0 to 1, e.g. 0.05 for 5 %, not '5'");
    }

    private List<String> problems(Path file) {
        CampaignDefinitionException e = catchThrowableOfType(CampaignDefinitionException.class,
                () -> parser.parse(file));
        assertThat(e).as("the problems of " + file).isNotNull();
        return e.problems();
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
