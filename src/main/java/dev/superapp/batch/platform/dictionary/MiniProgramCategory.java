package dev.superapp.batch.platform.dictionary;

import java.util.ArrayList;
import java.util.List;

/**
 * The categories a mini program belongs to (seed 004's {@code AppCategory} and {@code CategoryInfo},
 * which name the same three levels differently). Ids are assigned by the Mini Program Platform, so
 * they are values here, not a closed list; only the first level is required.
 *
 * @param name          first-level category name ({@code AppCategory.name}, {@code CategoryInfo.category})
 * @param identifier    first-level category id ({@code AppCategory.identifier}, {@code CategoryInfo.categoryId})
 * @param category2     secondary category name, or null
 * @param categoryCode2 secondary category id, or null
 * @param category3     tertiary category name, or null
 * @param categoryCode3 tertiary category id, or null
 */
public record MiniProgramCategory(String name, String identifier, String category2, String categoryCode2,
                                  String category3, String categoryCode3) {

    public MiniProgramCategory {
        if (name == null || name.isBlank() || identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("a mini program category needs its first-level name and identifier");
        }
    }

    /** For a report cell: the names from the first level down, e.g. {@code Food > Drinks > Tea}. */
    public String path() {
        List<String> levels = new ArrayList<>(List.of(name));
        if (category2 != null && !category2.isBlank()) {
            levels.add(category2);
            if (category3 != null && !category3.isBlank()) {
                levels.add(category3);
            }
        }
        return String.join(" > ", levels);
    }
}
