package dev.superapp.batch.campaign.callback;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /callbacks/cardform} in {@code serve}: the card form's asynchronous answer to a
 * {@code sendCardForm}. The body is taken as text so that the handler verifies the signature over the
 * bytes exactly as they arrived.
 */
@RestController
class CardFormCallbackController {

    private final CardFormCallbackHandler handler;

    CardFormCallbackController(CardFormCallbackHandler handler) {
        this.handler = handler;
    }

    @PostMapping(path = "/callbacks/cardform", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> callback(@RequestBody String body) {
        CardFormCallbackHandler.Reply reply = handler.handle(body);
        return ResponseEntity.status(reply.status()).contentType(MediaType.APPLICATION_JSON).body(reply.body());
    }
}
