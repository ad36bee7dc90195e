package dev.superapp.batch.runs;

import dev.superapp.batch.campaign.CampaignLauncher;
import dev.superapp.batch.campaign.CampaignLauncher.PushRun;
import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.reconciliation.ReconciliationLauncher;
import dev.superapp.batch.reconciliation.ReconciliationLauncher.ReconciliationRun;
import dev.superapp.batch.sandbox.CloseBehaviour;
import dev.superapp.batch.sandbox.SandboxTrade;
import dev.superapp.batch.testing.AudienceFiles;
import dev.superapp.batch.testing.TestSandbox;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real executions of the real jobs against the sandbox, for the tests of what the console shows of them. */
public final class RealRuns {

    public static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 3, 1);

    private final ReconciliationLauncher reconciliations;
    private final CampaignLauncher campaigns;
    private final JdbcClient jdbc;
    private final String prefix = "r" + UUID.randomUUID().toString().substring(0, 8) + "-";

    public RealRuns(ReconciliationLauncher reconciliations, CampaignLauncher campaigns, JdbcClient jdbc) {
        this.reconciliations = reconciliations;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    /** Leaves no PENDING order of an earlier test for the next reconciliation to read. */
    public void emptyOrderBook() {
        jdbc.sql("DELETE FROM reconciliation_result").update();
        jdbc.sql("DELETE FROM payment_order").update();
    }

    /** {@code paid} orders the platform says are paid, {@code failing} ones it answers only with HTTP 500. */
    public ReconciliationRun reconcile(int paid, int failing) {
        addOrders("paid", paid, 2);
        for (int i = 0; i < failing; i++) {
            String name = prefix + "failing" + i;
            TestSandbox.platform().addTrade(SandboxTrade.failing(name, name, "open-a", 1000, "USD"));
            order(name);
        }
        return reconcile();
    }

    public ReconciliationRun reconcile() {
        return reconciliations.run(BUSINESS_DATE, Map.of());
    }

    /** Orders whose trades stay in {@code status} (1: processing, polled until the run gives up on them). */
    public void addOrders(String name, int count, int status) {
        for (int i = 0; i < count; i++) {
            String tradeNo = prefix + name + i;
            TestSandbox.platform().addTrade(SandboxTrade.scripted(tradeNo, tradeNo, "open-a", 1000, "USD",
                    CloseBehaviour.CLOSES, status));
            order(tradeNo);
        }
    }

    /** An activity campaign to {@code recipients} valid recipients (and 3 invalid, 2 duplicate lines). */
    public PushRun push(Path dir, String name, int recipients) {
        AudienceFiles.Audience audience = AudienceFiles.write(dir, "open_id", prefix + name, recipients);
        return campaigns.push(activity(prefix + name, audience.file()));
    }

    /** A campaign whose audience file is gone: its staging step fails. */
    public PushRun pushWithoutAudience(Path dir, String name) {
        return campaigns.push(activity(prefix + name, dir.resolve(prefix + name + "-missing.csv")));
    }

    private static CampaignDefinition activity(String campaignId, Path audience) {
        return new CampaignDefinition(campaignId, Channel.ACTIVITY, audience.toAbsolutePath(), null,
                new ActivitySettings(campaignId, "1", "FFFFFF", "Spring sale", "20% off", "https://cdn.example/i.png",
                        null, 86400, 1, "en_US"));
    }

    private void order(String tradeNo) {
        LocalDateTime createdAt = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        jdbc.sql("""
                        INSERT INTO payment_order (out_trade_no, trade_no, open_id, amount, currency, status, created_at, updated_at)
                        VALUES (?, ?, 'open-a', 1000, 'USD', 'PENDING', ?, ?)""")
                .params(tradeNo, tradeNo, createdAt, createdAt)
                .update();
    }
}
