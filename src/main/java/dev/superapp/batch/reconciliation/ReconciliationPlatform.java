package dev.superapp.batch.reconciliation;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import dev.superapp.batch.platform.TradePlatform;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The payment platform the orders are reconciled against, chosen by {@code reconciliation.platform}
 * among every {@link TradePlatform} the application has. Chosen when asked, not at startup, so a
 * command that never reconciles starts whatever the property says.
 */
@Component
public class ReconciliationPlatform {

    private final List<TradePlatform> platforms;
    private final String wanted;

    ReconciliationPlatform(List<TradePlatform> platforms, ReconciliationProperties properties) {
        this.platforms = List.copyOf(platforms);
        this.wanted = properties.platform();
    }

    /** @throws PlatformNotConfiguredException when no platform has the configured id */
    public TradePlatform chosen() {
        return platforms.stream()
                .filter(platform -> platform.id().equalsIgnoreCase(wanted.trim()))
                .findFirst()
                .orElseThrow(() -> new PlatformNotConfiguredException("reconciliation.platform must be one of "
                        + platforms.stream().map(TradePlatform::id).sorted().collect(Collectors.joining(", "))
                        + "; it is '" + wanted + "' (RECONCILIATION_PLATFORM)"));
    }
}
