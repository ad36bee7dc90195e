package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.Channel;
import dev.superapp.batch.platform.PlatformProperties;
import dev.superapp.batch.platform.ResilientCaller;
import dev.superapp.batch.platform.SuperAppClient;
import dev.superapp.batch.platform.cardform.CardFormClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rate a channel's platform takes requests at, for a plan: {@code platform.rate-limit} when set, else what the
 * adaptive limiter allows now (its {@code platform.rate.limit} gauge), else its starting rate.
 */
@Component
class SendRates {

    private final PlatformProperties platform;
    private final MeterRegistry meters;

    SendRates(PlatformProperties platform, ObjectProvider<MeterRegistry> meters) {
        this.platform = platform;
        this.meters = meters.getIfAvailable();
    }

    SendRate of(Channel channel) {
        if (platform.rateLimit() != null) {
            return new SendRate(platform.rateLimit(), SendRate.Source.CONFIGURED);
        }
        String platformId = channel == Channel.CARDFORM ? CardFormClient.PLATFORM_ID : SuperAppClient.PLATFORM_ID;
        Gauge gauge = meters == null ? null : meters.find("platform.rate.limit").tag("platform", platformId).gauge();
        double now = gauge == null ? Double.NaN : gauge.value();
        if (Double.isNaN(now) || now == ResilientCaller.STARTING_RATE) {
            return new SendRate(ResilientCaller.STARTING_RATE, SendRate.Source.STARTING);
        }
        return new SendRate(now, SendRate.Source.CURRENT);
    }
}
