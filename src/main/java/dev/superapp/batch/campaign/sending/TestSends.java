package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignPlatforms;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.audience.RecipientIdRule;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.suppression.SuppressionList;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.system.BoundedText;
import dev.superapp.batch.system.UserInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Sends a campaign's message to a few named recipients ({@code push --test}, the console's "Send test") in one
 * request of its own, recorded in {@code campaign_test_send} (written before it leaves, answered after), never in
 * the campaign's recipients or requests: a test is not counted in the campaign, and the real send still reaches
 * the testers once. Its request id ({@link StoredCampaign#testRequestId}) is never one of the campaign's.
 * A test is sent once: like any notify, an ambiguous answer is UNKNOWN and not repeated. A refusal that says a
 * tester cannot receive (card form 30001) suppresses that id as the campaign's own sends do: the platform's word
 * about a phone does not depend on which request asked.
 */
@Service
public class TestSends {

    /** One request's worth: a test is for a handful of phones, not an audience. */
    public static final int MAX_RECIPIENTS = 50;

    private final JdbcClient jdbc;
    private final CampaignStore store;
    private final CampaignLifecycle lifecycle;
    private final CampaignPlatforms platforms;
    private final PushChannels channels;
    private final SuppressionList suppressions;
    private final Clock clock;

    TestSends(JdbcClient jdbc, CampaignStore store, CampaignLifecycle lifecycle, CampaignPlatforms platforms,
              PushChannels channels, SuppressionList suppressions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.lifecycle = lifecycle;
        this.platforms = platforms;
        this.channels = channels;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /**
     * Ids as a person types them: separated by commas, spaces or new lines.
     *
     * @throws UserInputException naming the first bad id, or when there are none or more than {@value #MAX_RECIPIENTS}
     */
    public static List<String> recipientIds(String typed) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : typed.split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            String problem = RecipientIdRule.problem(id);
            if (problem != null) {
                throw new UserInputException("test recipient '" + BoundedText.cap(id, 64) + "' is not a recipient id: " + problem);
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new UserInputException("name at least one test recipient id");
        }
        if (ids.size() > MAX_RECIPIENTS) {
            throw new UserInputException("a test goes to at most " + MAX_RECIPIENTS + " recipients (one request), not " + ids.size());
        }
        return List.copyOf(ids);
    }

    /** {@code push --test}: registers the definition as {@code push} does (nothing of the campaign is sent), then tests it. */
    public TestSend send(CampaignDefinition definition, List<String> recipientIds, String sentBy) {
        platforms.requireConfigured(definition.channel());
        lifecycle.register(definition);
        return send(definition.campaignId(), recipientIds, sentBy);
    }

    /**
     * @param sentBy who asked: {@code console:<user>}, or {@code os:<login>} from the command line
     * @throws UserInputException when the campaign is not registered or its {@code notAfter} has passed
     */
    public TestSend send(String campaignId, List<String> recipientIds, String sentBy) {
        StoredCampaign campaign = store.find(campaignId).orElseThrow(() -> new UserInputException("campaign " + campaignId
                + " is not registered"));
        if (campaign.definition().endedAt(clock.instant())) {
            throw new UserInputException("campaign " + campaignId + " ended at its notAfter " + campaign.definition().notAfter()
                    + "; nothing of it is sent, tests included");
        }
        PushChannel channel = channels.forTest(campaign);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaign_test_send (campaign_id, sent_by, sent_at, recipient_ids, outcome) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, BoundedText.cap(sentBy, 128), now, String.join(",", recipientIds), RequestState.IN_FLIGHT.name())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        String requestId = campaign.testRequestId(id);
        // Recorded before it leaves, as every request is.
        jdbc.sql("UPDATE campaign_test_send SET request_id = ? WHERE id = ?").params(requestId, id).update();
        List<CampaignRecipient> recipients = IntStream.range(0, recipientIds.size())
                .mapToObj(i -> new CampaignRecipient(i + 1, recipientIds.get(i), RecipientState.PENDING, null, null, requestId))
                .toList();
        PushAnswer answer = channel.answer(new PushRequest(campaignId, 0, requestId, recipients, false), ResilientCaller.ALWAYS);
        String detail = detail(answer);
        jdbc.sql("UPDATE campaign_test_send SET outcome = ?, detail = ?, platform_answer = ? WHERE id = ?")
                .params(answer.state().name(), detail == null ? null : BoundedText.cap(detail, BoundedText.DETAIL),
                        BoundedText.cap(answer.rawAnswer(), BoundedText.EVIDENCE), id)
                .update();
        suppressions.addCannotReceive(campaign.channel(), answer.cannotReceive(), answer.detail());
        return new TestSend(id, campaignId, sentBy, now.toInstant(ZoneOffset.UTC), recipientIds, requestId,
                answer.state().name(), detail);
    }

    /** The campaign's test sends, newest first. */
    public List<TestSend> of(String campaignId) {
        return jdbc.sql("SELECT id, campaign_id, sent_by, sent_at, recipient_ids, request_id, outcome, detail"
                        + " FROM campaign_test_send WHERE campaign_id = ? ORDER BY id DESC LIMIT 20")
                .param(campaignId).query(TestSends::testSend).list();
    }

    /** The platform's reason, with the ids it refused or that can no longer receive, so the tester knows whom. */
    private static String detail(PushAnswer answer) {
        if (!answer.cannotReceive().isEmpty()) {
            return answer.detail() + "; now on the suppression list: " + sorted(answer.cannotReceive());
        }
        if (answer.refused().isEmpty()) {
            return answer.detail();
        }
        return answer.detail() + ": " + sorted(answer.refused());
    }

    private static String sorted(Set<String> ids) {
        List<String> list = new ArrayList<>(ids);
        list.sort(null);
        return String.join(", ", list);
    }

    private static TestSend testSend(ResultSet rs, int row) throws SQLException {
        return new TestSend(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("sent_by"),
                rs.getObject("sent_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                Arrays.asList(rs.getString("recipient_ids").split(",")), rs.getString("request_id"),
                rs.getString("outcome"), rs.getString("detail"));
    }
}
