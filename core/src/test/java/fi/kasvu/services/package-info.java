/** End-to-end scenarios of the feature services, run over every port implementation (in memory, H2, PostgreSQL). */
package fi.kasvu.services;
