package fi.kasvu.lms.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A GROW conversation worked through over plain HTTP as a learner without JavaScript does it:
 * Reality, three options with the first chosen, one action and the commitment, up to the summary.
 * The HTTP tests that need a conversation ready to complete share it.
 */
final class GrowWalk {

    /**
     * What the learner writes on the way.
     *
     * @param tried      what they have tried (Reality)
     * @param insight    the essential insight (Reality)
     * @param options    three options; the first is chosen
     * @param action     the one action (due 2030-01-31; the follow-up is on 2030-02-15)
     * @param commitment the commitment, 1..10
     */
    record Words(String tried, String insight, List<String> options, String action, String commitment) {
        /** The English words of the single-learner tests. */
        static final Words ENGLISH = new Words("Lists", "Mornings matter",
                List.of("Block mornings", "Ask my lead", "Try a planner"), "Book Monday 8-10", "9");
    }

    private GrowWalk() {
    }

    /** From Reality to the summary; answers the Will page's last post (a redirect to the summary). */
    static HttpResponse<String> realityToSummary(PagesHttpTest.NoScriptBrowser browser, String base, String csrf,
                                                 Words words) throws Exception {
        browser.post(base + "/grow/reality", Map.of("csrf", csrf, "do", "next", "reality.tried", words.tried(),
                "reality.essentialInsight", words.insight()));
        for (String option : words.options()) {
            browser.post(base + "/grow/options", Map.of("csrf", csrf, "do", "add-option", "option.new", option));
        }
        browser.post(base + "/grow/options", Map.of("csrf", csrf, "do", "next",
                "option.option-1.text", words.options().get(0), "option.option-1.chosen", "on",
                "option.option-2.text", words.options().get(1), "option.option-3.text", words.options().get(2)));
        browser.post(base + "/grow/will", Map.of("csrf", csrf, "do", "add-action", "action.new.what", words.action(),
                "action.new.due", "2030-01-31"));
        return browser.post(base + "/grow/will", Map.of("csrf", csrf, "do", "next", "will.commitment",
                words.commitment(), "will.followUp", "2030-02-15", "action.action-1.what", words.action(),
                "action.action-1.due", "2030-01-31"));
    }
}
