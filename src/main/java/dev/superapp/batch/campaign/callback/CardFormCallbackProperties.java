package dev.superapp.batch.campaign.callback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cardform.callback.*}: limits of the card-form callback endpoint.
 *
 * @param maxBodySize the largest callback body read; a larger one is answered 413 unread. A callback names at
 *                    most 50 recipients, a few kilobytes: 1MB leaves room without letting anyone fill the memory
 */
@ConfigurationProperties("cardform.callback")
record CardFormCallbackProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
