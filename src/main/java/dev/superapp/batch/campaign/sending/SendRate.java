package dev.superapp.batch.campaign.sending;

/**
 * The rate a plan reckons with, and where it comes from, so that a page or a dry run can say which.
 *
 * @param perSecond requests per second toward the channel's platform
 */
public record SendRate(double perSecond, Source source) {

    public enum Source {
        /** {@code platform.rate-limit}: the limiter never exceeds it. */
        CONFIGURED("the configured platform.rate-limit"),
        /** The adaptive limiter's rate on this node now, as it found the platform's allowance. */
        CURRENT("the adaptive limiter's current rate on this node"),
        /** The adaptive limiter has not sent yet: its starting rate, which it raises until the platform throttles. */
        STARTING("the adaptive limiter's starting rate (it usually finds a higher one as it sends)");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
