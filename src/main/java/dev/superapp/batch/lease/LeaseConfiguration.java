package dev.superapp.batch.lease;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The lease settings, with {@code batch.orphan-after} (which once named the silence after which a run was
 * guessed dead) still read as a deprecated alias of {@code batch.lease.timeout}.
 */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LeaseConfiguration.class);

    @Bean
    LeaseSettings leaseSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        Duration heartbeat = binder.bind("batch.lease.heartbeat", Duration.class).orElse(Duration.ofSeconds(5));
        Optional<Duration> timeout = binder.bind("batch.lease.timeout", Duration.class).map(Optional::of).orElse(Optional.empty());
        Optional<Duration> orphanAfter = binder.bind("batch.orphan-after", Duration.class).map(Optional::of).orElse(Optional.empty());
        if (timeout.isEmpty() && orphanAfter.isPresent()) {
            log.warn("batch.orphan-after is deprecated: set batch.lease.timeout instead");
            // Old settings such as 0s meant "take over at once": a dead process on this host is taken over at once
            // anyway, and a timeout not above the heartbeat would take over live runs.
            Duration safe = orphanAfter.get().compareTo(heartbeat) > 0 ? orphanAfter.get() : heartbeat.multipliedBy(2);
            return new LeaseSettings(heartbeat, safe);
        }
        return new LeaseSettings(heartbeat, timeout.orElse(Duration.ofSeconds(30)));
    }

    @Bean
    ThisProcess thisProcess() {
        return ThisProcess.current();
    }
}
