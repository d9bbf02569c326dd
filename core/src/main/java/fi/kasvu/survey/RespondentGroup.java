package fi.kasvu.survey;

import fi.kasvu.common.Require;

/**
 * Where a respondent works: an organisation, optionally a unit, optionally a team. It is all a
 * response says about its respondent.
 *
 * @param organisation the organisation (an agency, a ministry)
 * @param unit         the unit (department, office), or null
 * @param team         the team, or null
 */
public record RespondentGroup(String organisation, String unit, String team) {

    /** @throws IllegalArgumentException if a present name is blank, too long or has control characters */
    public RespondentGroup {
        Require.id("organisation", organisation);
        if (unit != null) {
            Require.id("unit", unit);
        }
        if (team != null) {
            Require.id("team", team);
        }
    }

    /** A respondent known only by organisation. */
    public static RespondentGroup of(String organisation) {
        return new RespondentGroup(organisation, null, null);
    }

    /** A respondent in an organisation's unit and team. */
    public static RespondentGroup of(String organisation, String unit, String team) {
        return new RespondentGroup(organisation, unit, team);
    }

    /** The smallest reporting group the respondent belongs to. */
    GroupRef innermost() {
        if (team != null) {
            return GroupRef.team(organisation, unit, team);
        }
        return unit != null ? GroupRef.unit(organisation, unit) : GroupRef.organisation(organisation);
    }
}
