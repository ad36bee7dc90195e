package dev.superapp.batch.platform;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON reading every platform answer gets: two values for one key, or text after the document,
 * leave an answer's meaning in doubt, so such an answer does not parse.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonMapper of(JsonMapper json) {
        return json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
