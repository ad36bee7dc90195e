package dev.superapp.batch.runs;

import dev.superapp.batch.campaign.CampaignMove;
import dev.superapp.batch.campaign.CampaignMoves;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

/**
 * Which person's pause or cancel stopped a campaign's run, from the campaign's recorded moves: a STOPPED run was
 * paused (or cancelled) while it ran; an ABANDONED one was cancelled, during the run, after it stopped, or just
 * before it started. A run that finished despite a late pause was not stopped by it.
 */
@Component
class RunStops {

    private static final Set<CampaignMove> PAUSES = EnumSet.of(CampaignMove.PAUSE, CampaignMove.PAUSE_ITSELF);
    private static final Set<CampaignMove> CANCELS =
            EnumSet.of(CampaignMove.CANCEL_PLAN, CampaignMove.CANCEL_SENDING, CampaignMove.CANCEL_STOPPED);

    /** What {@link RunStops} needs to know of one execution. */
    record Stopped(long executionId, String campaignId, BatchStatus status, LocalDateTime start, LocalDateTime end) {
    }

    private final CampaignMoves moves;

    RunStops(CampaignMoves moves) {
        this.moves = moves;
    }

    /** Execution id to who stopped it, for those of {@code runs} that a pause or cancel stopped. */
    Map<Long, RunStop> of(Collection<Stopped> runs) {
        List<Stopped> stopped = runs.stream()
                .filter(run -> run.status() == BatchStatus.STOPPED || run.status() == BatchStatus.ABANDONED).toList();
        Set<String> campaigns = stopped.stream().map(Stopped::campaignId).collect(Collectors.toSet());
        Set<CampaignMove> asked = EnumSet.copyOf(PAUSES);
        asked.addAll(CANCELS);
        Map<String, List<CampaignMoves.Made>> byCampaign = moves.of(campaigns, asked).stream()
                .collect(Collectors.groupingBy(CampaignMoves.Made::campaignId));
        return stopped.stream()
                .flatMap(run -> stop(run, byCampaign.getOrDefault(run.campaignId(), List.of()))
                        .map(stop -> Map.entry(run.executionId(), stop)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Optional<RunStop> stop(Stopped run, List<CampaignMoves.Made> made) {
        // A campaign is cancelled once (CANCELED is final), so an abandoned run's cancel is its campaign's.
        if (run.status() == BatchStatus.ABANDONED) {
            return made.stream().filter(move -> CANCELS.contains(move.move())).reduce((first, last) -> last)
                    .map(move -> new RunStop("cancelled", move.movedBy(), local(move.movedAt())));
        }
        return made.stream()
                .filter(move -> during(run, local(move.movedAt())))
                .reduce((first, last) -> last)
                .map(move -> new RunStop(what(move.move()), move.movedBy(), local(move.movedAt())));
    }

    /** Its canary or its error rate paused it: the campaign's page says why. */
    private static String what(CampaignMove move) {
        return move == CampaignMove.PAUSE_ITSELF ? "paused itself" : PAUSES.contains(move) ? "paused" : "cancelled";
    }

    private static boolean during(Stopped run, LocalDateTime at) {
        return run.start() != null && !at.isBefore(run.start()) && (run.end() == null || !at.isAfter(run.end()));
    }

    /** Moves are recorded in UTC; Spring Batch records its times in the JVM's zone. */
    private static LocalDateTime local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
    }
}
