/**
 * The work-culture self-assessment (the six elements of a coaching and learning culture), pulse
 * surveys, the coaching-approach indicator, and results that never show a figure for fewer than
 * three respondents: neither directly, nor as a difference between published figures
 * (complementary suppression, see {@link fi.kasvu.survey.SurveyResults}). Responses carry the
 * respondent's team, unit and organisation but no person.
 */
package fi.kasvu.survey;
