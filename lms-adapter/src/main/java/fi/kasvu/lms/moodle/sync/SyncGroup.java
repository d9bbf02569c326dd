package fi.kasvu.lms.moodle.sync;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A formed group to publish.
 *
 * @param number the group's number in the formation, from 1
 * @param members the members
 * @param meetings the planned meetings, possibly none
 */
public record SyncGroup(int number, List<SyncMember> members, List<SyncMeeting> meetings) {

    /**
     * Checks the group.
     *
     * @throws IllegalArgumentException naming a number below 1 or a group without members
     */
    public SyncGroup {
        Require.atLeast("number", number, 1);
        members = Require.list("members", members);
        Require.atLeast("members", members.size(), 1);
        meetings = Require.list("meetings", meetings);
    }

    /** The language most members prefer (ties go to fi, then sv). */
    public Language commonLanguage() {
        return majority(members);
    }

    /** The language most of these members prefer (ties go to fi, then sv). */
    static Language majority(List<SyncMember> members) {
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        members.forEach(member -> counts.merge(member.language(), 1, Integer::sum));
        Language best = Language.EN;
        int bestCount = -1;
        for (Language language : Language.values()) {
            int count = counts.getOrDefault(language, 0);
            if (count > bestCount) {
                best = language;
                bestCount = count;
            }
        }
        return best;
    }
}
