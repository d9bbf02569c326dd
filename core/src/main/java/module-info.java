/**
 * Kasvu's coaching domain: GROW, experiments, peer groups, plans, 360 feedback, programmes, surveys and the
 * library, with their services, ports and events, and the JSON mapping. No I/O.
 *
 * <p>Only the API packages are exported; {@code fi.kasvu.common.internal} (the machinery the
 * services share) is not, and may change in any release. JSON-B finds Eclipse Yasson through
 * its service loader, so the module needs no reflection opened to it.
 */
module fi.kasvu.core {
    requires transitive jakarta.json.bind;
    requires transitive jakarta.json;

    exports fi.kasvu.common;
    exports fi.kasvu.grow;
    exports fi.kasvu.experiment;
    exports fi.kasvu.peer;
    exports fi.kasvu.plan;
    exports fi.kasvu.feedback;
    exports fi.kasvu.programme;
    exports fi.kasvu.survey;
    exports fi.kasvu.library;
    exports fi.kasvu.i18n;
    exports fi.kasvu.json;
}
