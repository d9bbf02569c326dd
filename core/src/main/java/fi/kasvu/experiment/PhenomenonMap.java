package fi.kasvu.experiment;

import fi.kasvu.common.Require;
import java.util.List;

/**
 * The phenomenon mapping (ilmiöhahmotus): what is happening, how it shows in the work, whom it
 * affects, its possible causes and its consequences. Fields may be empty while it is drafted.
 *
 * @param phenomenon     the phenomenon in a sentence
 * @param howItShows     how it shows in everyday work
 * @param whomItAffects  whom it affects (team members, customers, other units)
 * @param possibleCauses possible causes
 * @param consequences   consequences
 */
public record PhenomenonMap(String phenomenon, String howItShows, String whomItAffects,
                            List<String> possibleCauses, List<String> consequences) {

    /** @throws IllegalArgumentException if a text is too long or a list item blank */
    public PhenomenonMap {
        phenomenon = Require.text("phenomenon", phenomenon);
        howItShows = Require.text("howItShows", howItShows);
        whomItAffects = Require.text("whomItAffects", whomItAffects);
        possibleCauses = Texts.items("possibleCauses", possibleCauses);
        consequences = Texts.items("consequences", consequences);
    }

    /** A mapping with nothing written yet. */
    public static PhenomenonMap empty() {
        return new PhenomenonMap("", "", "", List.of(), List.of());
    }
}
