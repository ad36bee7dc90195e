package dev.superapp.batch.console.campaigns;

import dev.superapp.batch.campaign.ResendSelection;
import dev.superapp.batch.campaign.recipient.RecipientState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resend the campaign's page offers: the states it sends, how many recipients, and that in words for the button.
 * The count goes back with the confirmation, so {@link CampaignResendController} sends only what the person saw.
 */
record ResendOffer(String states, long recipients, String what) {

    /** UNKNOWN, FAILED and both, those that have recipients, so the confirmation names exactly what is sent. */
    static List<ResendOffer> of(Map<RecipientState, Long> counts) {
        List<ResendOffer> offers = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        long both = 0;
        for (RecipientState state : ResendSelection.ALLOWED) {
            long count = counts.get(state);
            if (count > 0) {
                offers.add(new ResendOffer(state.name(), count, count + " " + state + " recipient" + (count == 1 ? "" : "s")));
                parts.add(count + " " + state);
                both += count;
            }
        }
        if (offers.size() > 1) {
            offers.add(new ResendOffer(new ResendSelection(ResendSelection.ALLOWED).text(), both,
                    both + " recipients (" + String.join(", ", parts) + ")"));
        }
        return offers;
    }
}
