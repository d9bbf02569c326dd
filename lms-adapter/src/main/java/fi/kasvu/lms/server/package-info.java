/**
 * The tool on embedded Jetty 12 with Jakarta Servlet 6 and its one composition root
 * ({@code ToolApplication}): {@code /lti/login}, {@code /lti/launch}, {@code /lti/jwks},
 * {@code /lti/register} and {@code /health}, with every page served by the web layer
 * ({@code fi.kasvu.lms.web}). Every piece of request state lives in the database, so several
 * instances can serve one platform.
 */
package fi.kasvu.lms.server;
