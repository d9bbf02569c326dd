package fi.kasvu.lms.activity.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.Require;
import fi.kasvu.lms.peer.Forming;
import fi.kasvu.peer.GroupKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer-group activity's own setting, carried as a custom parameter: the kind of group
 * (triads, reverse mentoring, coaching groups of 5–8, or an onboarding pool).
 *
 * @param kind the kind of group formed in this activity
 */
public record PeerSettings(GroupKind kind) {

    /** Custom parameter name (lower case: Moodle sends every key lowercased as well). */
    public static final String GROUP_KIND = "kasvu_group_kind";

    /** The kinds in the picker's order. */
    public static final List<GroupKind> KINDS = List.of(GroupKind.PEER_TRIAD, GroupKind.REVERSE_MENTORING,
            GroupKind.COACHING_GROUP, GroupKind.ONBOARDING_POOL);

    /** @throws NullPointerException if the kind is null */
    public PeerSettings {
        Require.nonNull("kind", kind);
    }

    /** Triads. */
    public static PeerSettings defaults() {
        return new PeerSettings(GroupKind.PEER_TRIAD);
    }

    /** The setting as custom parameters. */
    public Map<String, String> toCustom() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(GROUP_KIND, Forming.word(kind));
        return custom;
    }

    /** The setting of a launch's custom parameters; a missing or unknown kind falls back to triads. */
    public static PeerSettings fromCustom(Map<String, String> custom) {
        return new PeerSettings(Forming.kind(custom.getOrDefault(GROUP_KIND, "")).orElse(GroupKind.PEER_TRIAD));
    }

    /** The kind's name, as the default title. */
    public String defaultTitle(Language language) {
        return PeerTexts.kindName(kind, language);
    }
}
