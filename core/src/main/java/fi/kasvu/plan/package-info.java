/**
 * Development plans (kehittymissuunnitelma, seed 003): what a person develops, how, and how
 * progress is followed up, with reviews and, if the person chooses, a discussion in their own
 * team. A plan can be made from a completed GROW conversation ({@link fi.kasvu.plan.PlanFromGrow})
 * or from a 360 report
 * ({@link fi.kasvu.plan.PlanFromFeedback360}) and keeps a link to its source.
 */
package fi.kasvu.plan;
