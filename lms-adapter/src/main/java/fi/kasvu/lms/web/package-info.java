/**
 * Learner and teacher pages of the LTI tool: the GROW exercise phase by phase with autosave, the
 * summary with sharing and completion, the deep-linking picker and the teacher's progress view,
 * rendered server-side from precompiled JTE templates in Finnish, Swedish and English.
 */
package fi.kasvu.lms.web;
