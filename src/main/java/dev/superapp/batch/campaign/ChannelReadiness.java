package dev.superapp.batch.campaign;

import dev.superapp.batch.platform.PlatformNotConfiguredException;
import org.springframework.stereotype.Component;

/**
 * Whether a channel's platform is configured enough to send, asked by the console's form and preview so that
 * a missing setting is said before anything is scheduled, not when the scheduled fire fails. The same check
 * {@code push} and the job make before they send.
 */
@Component("channelReadiness")
public class ChannelReadiness {

    private final PushChannels channels;

    ChannelReadiness(PushChannels channels) {
        this.channels = channels;
    }

    /** What is missing (the setting and its environment variable), or null when the channel can send. */
    public String problem(Channel channel) {
        try {
            channels.requireConfigured(channel);
            return null;
        } catch (PlatformNotConfiguredException missing) {
            return missing.getMessage();
        }
    }
}
