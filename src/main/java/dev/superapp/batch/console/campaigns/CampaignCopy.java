package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.StoredCampaign;
import dev.superapp.batch.campaign.definition.DefinitionJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * "Duplicate as a new campaign": the form filled from a registered campaign's definition under a new, free id.
 * An activity also gets that id as its {@code activityId}: the platform de-duplicates on it, and would drop the
 * copy's cards as repeats of the original's. The audience is not copied; the person chooses the file again.
 */
@Component
class CampaignCopy {

    /** A copy's id and what its form starts with. */
    record Draft(String campaignId, FormValues values) {
    }

    private static final int MAX_ID = 64;

    private final CampaignStore store;

    CampaignCopy(CampaignStore store) {
        this.store = store;
    }

    Draft of(StoredCampaign original) {
        String campaignId = freeId(original.campaignId());
        JsonNode section = DefinitionJson.section(original.definition());
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<FormRow>> rows = new LinkedHashMap<>();
        for (FormField field : ChannelForms.fields(original.channel())) {
            JsonNode value = section.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.rows()) {
                rows.put(field.name(), rows(field, value));
            } else {
                fields.put(field.name(), value.asString());
            }
        }
        if (fields.containsKey("activityId")) {
            fields.put("activityId", campaignId);
        }
        return new Draft(campaignId, new FormValues(fields, rows));
    }

    private static List<FormRow> rows(FormField field, JsonNode value) {
        List<FormRow> rows = new ArrayList<>();
        if (field.kind() == FormField.Kind.MAPPING_ROWS) {
            value.properties().forEach(entry -> rows.add(new FormRow(entry.getKey(), entry.getValue().asString())));
        } else {
            value.forEach(label -> rows.add(new FormRow(label.path("labelName").asString(), label.path("labelValue").asString())));
        }
        return rows;
    }

    /** {@code <id>-2}, {@code <id>-3}, … the first not registered, the original shortened to leave room. */
    private String freeId(String original) {
        String base = original.replaceFirst("-\\d+$", "");
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String candidate = base.substring(0, Math.min(base.length(), MAX_ID - suffix.length())) + suffix;
            if (store.find(candidate).isEmpty()) {
                return candidate;
            }
        }
    }
}
