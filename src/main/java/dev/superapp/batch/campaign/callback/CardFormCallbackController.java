package dev.superapp.batch.campaign.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /callbacks/cardform} in {@code serve}: the card form's asynchronous answer to a
 * {@code sendCardForm}. The body is read as bytes, at most {@code cardform.callback.max-body-size} of them (a
 * larger {@code Content-Length} is refused before reading, a longer body as soon as the limit is passed), and
 * handed to the handler as text so that it verifies the signature over the bytes exactly as they arrived.
 */
@RestController
class CardFormCallbackController {

    private final CardFormCallbackHandler handler;
    private final CardFormCallbackProperties properties;

    CardFormCallbackController(CardFormCallbackHandler handler, CardFormCallbackProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @PostMapping(path = "/callbacks/cardform", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> callback(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            return tooLarge(limit);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            return tooLarge(limit);
        }
        CardFormCallbackHandler.Reply reply = handler.handle(new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(reply.body());
    }

    private static ResponseEntity<String> tooLarge(long limit) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"code\":413,\"message\":\"the callback body is larger than " + limit + " bytes\"}");
    }
}
