package fi.kasvu.lms.activity.experiment;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.Require;
import fi.kasvu.survey.CultureElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A team experiment placement's own settings, carried as custom parameters.
 *
 * @param blocks   the culture building blocks (seed 004's six elements) the experiment is about, at least one
 * @param doneWhen what counts as done for the score: the team's decision, or sharing its case
 * @param personal whether a learner without a team may start a personal experiment
 */
public record ExperimentSettings(Set<CultureElement> blocks, DoneWhen doneWhen, boolean personal) {

    /** Custom parameter names (lower case: Moodle lowercases every key). */
    public static final String BLOCKS = "kasvu_blocks", DONE = "kasvu_done", PERSONAL = "kasvu_personal";

    /** What completes the experiment for its members. */
    public enum DoneWhen {
        /** The team reached its decision (adopt or drop; extending runs on). */
        DECISION,
        /** The team shared its case in the library. */
        SHARED;

        /** The value as a custom parameter. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @throws IllegalArgumentException if no block is named */
    public ExperimentSettings {
        Require.nonNull("blocks", blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("blocks must name at least one culture building block: []");
        }
        blocks = Set.copyOf(blocks);
        Require.nonNull("doneWhen", doneWhen);
    }

    /** Every building block, done at the decision, no personal experiments. */
    public static ExperimentSettings defaults() {
        return new ExperimentSettings(EnumSet.allOf(CultureElement.class), DoneWhen.DECISION, false);
    }

    /** A block's value in forms and custom parameters ({@code community-directed}). */
    public static String code(CultureElement block) {
        return block.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The block of a code, or null. */
    public static CultureElement block(String code) {
        for (CultureElement element : CultureElement.values()) {
            if (code(element).equals(code)) {
                return element;
            }
        }
        return null;
    }

    /** The blocks in their seed order. */
    public List<CultureElement> orderedBlocks() {
        List<CultureElement> ordered = new ArrayList<>();
        for (CultureElement element : CultureElement.values()) {
            if (blocks.contains(element)) {
                ordered.add(element);
            }
        }
        return ordered;
    }

    /** The settings as custom parameters. */
    public Map<String, String> toCustom() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(BLOCKS, String.join(",", orderedBlocks().stream().map(ExperimentSettings::code).toList()));
        custom.put(DONE, doneWhen.code());
        custom.put(PERSONAL, Boolean.toString(personal));
        return custom;
    }

    /**
     * The settings of a launch's custom parameters; anything missing or unreadable falls back to its
     * default (unknown blocks are skipped; none left means every block), so a hand-made placement opens.
     */
    public static ExperimentSettings fromCustom(Map<String, String> custom) {
        Set<CultureElement> blocks = EnumSet.noneOf(CultureElement.class);
        for (String code : custom.getOrDefault(BLOCKS, "").split(",")) {
            CultureElement block = block(code.strip().toLowerCase(Locale.ROOT));
            if (block != null) {
                blocks.add(block);
            }
        }
        if (blocks.isEmpty()) {
            blocks = EnumSet.allOf(CultureElement.class);
        }
        String done = custom.getOrDefault(DONE, "").strip().toLowerCase(Locale.ROOT);
        DoneWhen doneWhen = done.equals(DoneWhen.SHARED.code()) ? DoneWhen.SHARED : DoneWhen.DECISION;
        boolean personal = "true".equalsIgnoreCase(custom.getOrDefault(PERSONAL, "").strip());
        return new ExperimentSettings(blocks, doneWhen, personal);
    }

    private static final LocalizedText TITLE = LocalizedText.of("Tiimikokeilu", "Teamexperiment", "Team experiment");

    /** The default title. */
    public String defaultTitle(Language language) {
        return TITLE.in(language);
    }
}
