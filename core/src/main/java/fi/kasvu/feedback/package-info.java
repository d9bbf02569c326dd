/**
 * 360-degree assessments (360-arviointi, seed 003): competence statements grouped by theme, rater
 * groups (self, supervisor, peers, direct reports, others), invitations from the roster and
 * single-use links, and a report that keeps raters anonymous: groups under three are merged or
 * left out, no difference of figures singles anyone out, the supervisor is shown apart only with
 * the subject's prior consent, and comments come unattributed from shown groups only. A
 * development plan can be made from the report ({@code fi.kasvu.plan.PlanFromFeedback360}).
 */
package fi.kasvu.feedback;
