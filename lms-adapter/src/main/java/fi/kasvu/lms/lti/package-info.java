/**
 * The LTI 1.3 Advantage protocol, free of any HTTP server: platform registrations, login
 * initiation, launch validation into a {@link fi.kasvu.lms.lti.LaunchContext}, Deep Linking 2.0
 * responses, Assignment and Grade Services, Names and Role Provisioning, Dynamic Registration and
 * the tool's own keys. Every JOSE operation goes through nimbus-jose-jwt. Storage is reached through
 * small ports ({@link fi.kasvu.lms.lti.Registrations}, {@link fi.kasvu.lms.lti.LaunchStates},
 * {@link fi.kasvu.lms.lti.NonceStore}, {@link fi.kasvu.lms.lti.ToolKeys},
 * {@link fi.kasvu.lms.lti.ScoreOutbox}) so that several server instances can share one database.
 */
package fi.kasvu.lms.lti;
