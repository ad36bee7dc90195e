package dev.superapp.batch.platform.cardform;

import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact text of one member of a JSON object, as it arrived. Seed 003 signs the {@code data} of a
 * request (and, by our reading, the {@code returInfo} of a callback) as text: re-serializing the parsed
 * value could change spacing or escapes and break the signature, so the text is cut from the document
 * by the parser's character offsets.
 */
public final class JsonMemberText {

    private JsonMemberText() {
    }

    /**
     * @param json     the mapper whose parser reads {@code document}
     * @param document a JSON object, already known to parse
     * @param name     a top-level member of it
     * @return the member's value from its first to its last character; empty when there is no such member
     */
    public static Optional<String> of(JsonMapper json, String document, String name) {
        try (JsonParser parser = json.createParser(document)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean wanted = parser.currentName().equals(name);
                parser.nextToken();
                long start = parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                if (wanted) {
                    return Optional.of(document.substring((int) start, (int) parser.currentLocation().getCharOffset()));
                }
            }
        }
        return Optional.empty();
    }
}
