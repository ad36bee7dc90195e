package dev.superapp.batch.alerts;

import java.io.IOException;
import java.net.URI;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a run's alerts as JSON to {@code alerts.webhook-url}, once: an alert repeated by a retry would be noise, and
 * a receiver that is down is recorded and visible on the run's page. A chat webhook's URL is its credential, so
 * only its scheme and host ever appear in a message.
 */
@Component
class AlertWebhook {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final JsonMapper json;

    AlertWebhook(@Qualifier("platformHttpClient") OkHttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    AlertDelivery post(URI url, AlertMessage message) {
        String where = url.getScheme() + "://" + url.getHost();
        Request request = new Request.Builder().url(url.toString())
                .post(RequestBody.create(json.writeValueAsBytes(message), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            return response.isSuccessful()
                    ? new AlertDelivery("webhook", true, "posted to " + where)
                    : new AlertDelivery("webhook", false, where + " answered HTTP " + response.code());
        } catch (IOException e) {
            return new AlertDelivery("webhook", false, "cannot reach " + where + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().replace(url.toString(), where)));
        }
    }
}
