package dev.superapp.batch.console;

import dev.superapp.batch.console.campaigns.ConsoleProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's multipart limits, taken from {@code console.max-upload-size} so that they cannot drift apart:
 * a file over the limit is refused while it is read, never spooled to disk whole first. The request may carry
 * the form's other fields besides ({@link ConsoleProperties#maxRequestSize()}). Spring Boot's own multipart
 * configuration backs off when this bean exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(ConsoleProperties console) {
        // Threshold 0: every part goes to a temporary file (bounded by the limits), none is held in memory.
        return new MultipartConfigElement("", console.maxUploadSize().toBytes(), console.maxRequestSize().toBytes(), 0);
    }
}
