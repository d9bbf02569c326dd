package fi.kasvu.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps frameworks at the edges: the domain does no I/O and knows nothing of JSON, HTTP, JDBC or logging. */
@AnalyzeClasses(packages = "fi.kasvu", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    /** Every package of core except the JSON mapping is domain. */
    private static final String[] DOMAIN = {"fi.kasvu.common..", "fi.kasvu.grow..", "fi.kasvu.experiment..",
        "fi.kasvu.peer..", "fi.kasvu.plan..", "fi.kasvu.feedback..", "fi.kasvu.survey..", "fi.kasvu.programme..",
        "fi.kasvu.library..", "fi.kasvu.i18n.."};

    @ArchTest
    static final ArchRule domain_is_free_of_frameworks_and_io = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.json..", "javax.json..", "org.eclipse.yasson..",
                    "java.net.http..", "java.sql..", "javax.sql..",
                    "org.slf4j..", "java.util.logging..", "org.apache.logging..")
            .because("domain packages stay free of JSON-B, HTTP, JDBC and logging (STYLE.md, rule 6)");

    @ArchTest
    static final ArchRule core_does_not_know_the_adapters = noClasses()
            .that().resideInAPackage("fi.kasvu..")
            .should().dependOnClassesThat().resideInAnyPackage("fi.kasvu.lms..", "fi.kasvu.store..")
            .because("core is embedded without the LMS adapter or the JDBC store");

    @ArchTest
    static final ArchRule domain_does_not_depend_on_the_json_mapping = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("fi.kasvu.json..")
            .because("the JSON mapping depends on the domain, never the other way round");
}
