package fi.kasvu.peer;

/** Which attribute no two members of a group may share: their organisation, unit or site. */
public enum GroupingKey {
    /** Members come from distinct organisations (the default, as in Mobility 2.0). */
    ORGANISATION,
    /** Members come from distinct units (within one large agency). */
    UNIT,
    /** Members work at distinct sites (national pools across offices). */
    SITE;

    /** The participant's value of this key; an empty unit or site falls back to the organisation. */
    public String of(Participant participant) {
        return switch (this) {
            case ORGANISATION -> participant.organisation();
            case UNIT -> participant.unit().isEmpty() ? participant.organisation() : participant.organisation() + " / " + participant.unit();
            case SITE -> participant.site().isEmpty() ? "(no site) " + participant.organisation() : participant.site();
        };
    }

    /** The word for the key in explanations: organisation, unit or site. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
