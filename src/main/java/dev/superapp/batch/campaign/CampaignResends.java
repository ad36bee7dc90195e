package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.system.BoundedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The resends of finished campaigns ({@code campaign_resend}) and what each replaced
 * ({@code campaign_resend_recipient}). Asked by {@link CampaignLifecycle#resend}; carried out by the attempt's own
 * {@code campaignJob} run, whose {@code prepareResendStep} puts the chosen recipients back to be sent, once.
 */
@Repository
public class CampaignResends {

    private static final int NOTE = 255;
    private static final String COLUMNS = "campaign_id, attempt, states, requested_by, requested_at, asked";

    private final JdbcClient jdbc;

    CampaignResends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's current attempt: 1 until it is first resent. */
    int latestAttempt(String campaignId) {
        return jdbc.sql("SELECT COALESCE(MAX(attempt), 1) FROM campaign_resend WHERE campaign_id = ?")
                .param(campaignId).query(Integer.class).single();
    }

    Optional<Resend> find(String campaignId, int attempt) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_resend WHERE campaign_id = ? AND attempt = ?")
                .params(campaignId, attempt).query(CampaignResends::resend).optional();
    }

    /** Every resend of the campaign, the first first: what its page shows. */
    public List<Resend> history(String campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_resend WHERE campaign_id = ? ORDER BY attempt")
                .param(campaignId).query(CampaignResends::resend).list();
    }

    /** Records the next attempt; in the transaction of the move that allowed it. */
    Resend record(String campaignId, ResendSelection selection, String requestedBy, Instant at, long asked) {
        int attempt = latestAttempt(campaignId) + 1;
        String by = BoundedText.cap(requestedBy, 200);
        jdbc.sql("INSERT INTO campaign_resend (campaign_id, attempt, states, requested_by, requested_at, asked)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(campaignId, attempt, selection.text(), by, utc(at), asked)
                .update();
        return new Resend(campaignId, attempt, selection, by, at, asked);
    }

    /**
     * Puts the recipients of the attempt's chosen states back to be sent (PENDING, given to no request), keeping what
     * each was. Runs once per attempt, in the caller's transaction: a run that dies before it commits does it again,
     * and a restart after that finds it done.
     *
     * @return the recipients put back; 0 when the attempt was prepared before
     */
    int prepare(Resend resend, Instant now) {
        int claimed = jdbc.sql("UPDATE campaign_resend SET prepared_at = ? WHERE campaign_id = ? AND attempt = ?"
                        + " AND prepared_at IS NULL")
                .params(utc(now), resend.campaignId(), resend.attempt()).update();
        if (claimed == 0) {
            return 0;
        }
        int prepared = 0;
        for (RecipientState state : resend.selection().states()) {
            jdbc.sql("""
                            INSERT INTO campaign_resend_recipient (campaign_id, attempt, line_no, previous_state,
                              previous_request_id, previous_detail)
                            SELECT campaign_id, ?, line_no, state, request_id, detail FROM campaign_recipient
                            WHERE campaign_id = ? AND state = ?""")
                    .params(resend.attempt(), resend.campaignId(), state.name()).update();
            prepared += jdbc.sql("UPDATE campaign_recipient SET state = 'PENDING', chunk_no = NULL, request_id = NULL,"
                            + " detail = NULL, callback_at = NULL, resend_note = ? WHERE campaign_id = ? AND state = ?")
                    .params(BoundedText.cap(resend.note(state), NOTE), resend.campaignId(), state.name()).update();
        }
        return prepared;
    }

    private static Resend resend(ResultSet rs, int row) throws SQLException {
        Set<RecipientState> states = Arrays.stream(rs.getString("states").split(",")).map(RecipientState::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecipientState.class)));
        return new Resend(rs.getString("campaign_id"), rs.getInt("attempt"), new ResendSelection(states),
                rs.getString("requested_by"), rs.getObject("requested_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getLong("asked"));
    }

    /** Times are stored as UTC wall-clock values, as everywhere in the campaign tables. */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
