/**
 * The HTTP face of the LTI tool: embedded Jetty 12 with Jakarta Servlet 6 serving
 * {@code /lti/login}, {@code /lti/launch}, {@code /lti/jwks}, {@code /lti/register},
 * {@code /lti/deep-link}, the placeholder activity page and {@code /health}. Every piece of
 * request state lives in the database, so several instances can serve one platform.
 */
package fi.kasvu.lms.server;
