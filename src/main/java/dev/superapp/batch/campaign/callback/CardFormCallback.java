package dev.superapp.batch.campaign.callback;

import dev.superapp.batch.platform.cardform.JsonMemberText;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One card-form callback body: {@code {"requestId":"..","bizId":"..","miniappId":"..","operatorId":"..",
 * "timeStamp":"..","returInfo":{"code":0,"message":"..","data":{"successUniqueId":[..],"errorUniqueId":[..]}},
 * "sign":".."}}. {@code returInfo} is the answer of seed 003's 3.5, spelled as the seed spells it.
 *
 * @param rawReturnInfo {@code returInfo} exactly as received: the text the {@code sign} covers
 * @param code          {@code returInfo.code}, a number or its text form ({@code "00002"} is 2)
 */
record CardFormCallback(String requestId, String bizId, String miniappId, String operatorId, String timeStamp,
                        String sign, String rawReturnInfo, int code, String message, List<String> successUniqueId,
                        List<String> errorUniqueId) {

    /** @throws IllegalArgumentException saying what is wrong with the body */
    static CardFormCallback parse(JsonMapper json, String body) {
        JsonMapper strict = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        JsonNode root;
        try {
            root = strict.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the callback is not JSON");
        }
        JsonNode info = root == null ? null : root.path("returInfo");
        if (info == null || !info.isObject()) {
            throw new IllegalArgumentException("the callback has no returInfo object");
        }
        String requestId = text(root, "requestId");
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("the callback has no requestId");
        }
        JsonNode data = info.path("data");
        return new CardFormCallback(requestId, text(root, "bizId"), text(root, "miniappId"), text(root, "operatorId"),
                text(root, "timeStamp"), text(root, "sign"), JsonMemberText.of(strict, body, "returInfo").orElseThrow(), code(info.path("code")),
                text(info, "message"), ids(data, "successUniqueId"), ids(data, "errorUniqueId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static int code(JsonNode code) {
        if (code.isInt()) {
            return code.intValue();
        }
        if (code.isString() && code.stringValue().matches("\\d{1,9}")) {
            return Integer.parseInt(code.stringValue());
        }
        throw new IllegalArgumentException("returInfo.code is not a number");
    }

    private static List<String> ids(JsonNode data, String field) {
        JsonNode list = data.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("returInfo.data." + field + " is not a list");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (!id.isString()) {
                throw new IllegalArgumentException("returInfo.data." + field + " is not a list of uniqueIds");
            }
            ids.add(id.stringValue());
        }
        return ids;
    }
}
