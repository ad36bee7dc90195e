package dev.superapp.batch.platform;

/** The platform says the trade does not exist ({@code responseHeader.status} 404). */
public class TradeNotFoundException extends PlatformRejectedException {

    public TradeNotFoundException(String endpoint, String platformMessage, String rawAnswer) {
        super(endpoint, 404, platformMessage, rawAnswer);
    }
}
