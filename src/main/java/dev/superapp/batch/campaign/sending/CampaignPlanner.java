package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.recipient.RecipientState;
import dev.superapp.batch.campaign.recipient.RecipientStore;
import dev.superapp.batch.campaign.CampaignPlans;
import dev.superapp.batch.campaign.CampaignTimeZones;
import dev.superapp.batch.campaign.StoredCampaign;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Works out a campaign's {@link SendPlan} from its staged audience: the recipients still to be sent, in requests
 * of {@code push.chunk-size}, at the rate of {@link SendRates}, from its planned time (or now) in its zone.
 */
@Service
public class CampaignPlanner {

    private final RecipientStore recipients;
    private final CampaignPlans plans;
    private final SendRates rates;
    private final CampaignTimeZones zones;
    private final PushProperties push;
    private final Clock clock;

    CampaignPlanner(RecipientStore recipients, CampaignPlans plans, SendRates rates, CampaignTimeZones zones,
                    PushProperties push, Clock clock) {
        this.recipients = recipients;
        this.plans = plans;
        this.rates = rates;
        this.zones = zones;
        this.push = push;
        this.clock = clock;
    }

    public SendPlan plan(StoredCampaign campaign) {
        long pending = recipients.countByState(campaign.campaignId()).get(RecipientState.PENDING);
        long requests = (pending + push.chunkSize() - 1) / push.chunkSize();
        SendRate rate = rates.of(campaign.channel());
        Duration duration = Duration.ofSeconds((long) Math.ceil(requests / rate.perSecond()));
        Instant now = clock.instant();
        Instant start = plans.plannedAt(campaign.campaignId()).filter(at -> at.isAfter(now)).orElse(now);
        return new SendPlan(pending, requests, rate, duration, start.atZone(zones.of(campaign.definition())),
                campaign.definition().notAfter());
    }
}
