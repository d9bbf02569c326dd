/**
 * Development plans (kehittymissuunnitelma, seed 003): what a person develops, how, and how
 * progress is followed up, with reviews and, if the person chooses, a discussion in their own
 * team. A plan can be made from a completed GROW conversation ({@link fi.kasvu.plan.PlanFromGrow})
 * and keeps a link to its source; a 360-degree assessment is a source type ready for later.
 */
package fi.kasvu.plan;
