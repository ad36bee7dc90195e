package dev.superapp.batch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The table of a campaign's moves: the rules themselves, and the README's copy of them. */
class CampaignMoveTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) \\| ([^|]+) \\|");

    @Test
    void theReadmeShowsExactlyTheTableTheLifecycleMovesBy() throws IOException {
        Map<String, String[]> rows = Files.readAllLines(Path.of("README.md")).stream()
                .map(ROW::matcher).filter(Matcher::find)
                .filter(row -> Arrays.stream(CampaignMove.values()).anyMatch(move -> move.name().equals(row.group(1))))
                .collect(Collectors.toMap(row -> row.group(1), row -> new String[] {row.group(2).strip(), row.group(3).strip()}));

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CampaignMove.values()).map(Enum::name).toList());
        for (CampaignMove move : CampaignMove.values()) {
            String[] row = rows.get(move.name());
            assertThat(statuses(row[0])).as(move + " from").isEqualTo(move.from());
            assertThat(row[1]).as(move + " to").isEqualTo(move.to() == null ? "(stays)" : move.to().name());
        }
    }

    @Test
    void aFinishedCampaignIsOnlyResentByAPersonOrHasItsCardWithdrawnAndACancelledOneMovesNoMore() {
        assertThat(Arrays.stream(CampaignMove.values()).filter(move -> move.allowedFrom(CampaignStatus.FINISHED)))
                .containsExactly(CampaignMove.RESEND, CampaignMove.WITHDRAW);
        assertThat(Arrays.stream(CampaignMove.values()).filter(move -> move.allowedFrom(CampaignStatus.CANCELED)))
                .containsExactly(CampaignMove.WITHDRAW);
        assertThat(Arrays.stream(CampaignMove.values()).filter(move -> move.allowedFrom(CampaignStatus.FINISHED_WITH_ERRORS)))
                .as("the campaigns that most need a resend").containsExactly(CampaignMove.RESEND, CampaignMove.WITHDRAW);
        assertThat(Arrays.stream(CampaignStatus.values()).filter(CampaignStatus::ended))
                .containsExactly(CampaignStatus.CANCELED, CampaignStatus.FINISHED, CampaignStatus.FINISHED_WITH_ERRORS);
    }

    @Test
    void aRefusedMoveSaysWhyInWordsAPersonReads() {
        assertThat(CampaignMove.PAUSE.allowedFrom(CampaignStatus.REGISTERED)).isFalse();
        assertThat(new CampaignMoveRefusedException("sale", CampaignMove.PAUSE,
                CampaignMove.PAUSE.refusal(CampaignStatus.REGISTERED)))
                .hasMessage("campaign sale is not sending; only a sending campaign can be paused")
                .isInstanceOf(dev.superapp.batch.system.UserInputException.class);
        assertThat(CampaignMove.WITHDRAW.refusal(CampaignStatus.SENDING))
                .isEqualTo("is still sending; withdraw it once it has finished, or cancel it first");
        assertThat(CampaignMove.RESEND.refusal(CampaignStatus.SENDING))
                .isEqualTo("has not finished; only a finished campaign is resent (push or resume it to finish it first)");
    }

    private static Set<CampaignStatus> statuses(String cell) {
        Set<CampaignStatus> statuses = EnumSet.noneOf(CampaignStatus.class);
        if (!cell.startsWith("(")) {
            Arrays.stream(cell.split(",")).map(String::strip).map(CampaignStatus::valueOf).forEach(statuses::add);
        }
        return statuses;
    }
}
