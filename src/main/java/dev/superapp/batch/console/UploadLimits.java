package dev.superapp.batch.console;

import dev.superapp.batch.console.campaigns.ConsoleProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's multipart limit, taken from {@code console.max-upload-size} so that the two cannot drift apart: a
 * request larger than one audience at the limit and the form's other fields ({@link ConsoleProperties#maxRequestSize()})
 * is refused by the server before it is read (when it announces its length) or as soon as it passes the limit,
 * never spooled to disk whole. A file just over the limit is still read, so that the form can say so beside what
 * was typed ({@code AudienceUploads}). Spring Boot's own multipart configuration backs off when this bean exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(ConsoleProperties console) {
        // Threshold 0: every part goes to a temporary file (bounded by the limits), none is held in memory.
        long limit = console.maxRequestSize().toBytes();
        return new MultipartConfigElement("", limit, limit, 0);
    }
}
