package fi.kasvu.lms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The LTI protocol stays testable on its own (no servlet, Jetty, JDBC or CLI inside it); the web
 * layer and the activities reach storage only through core's ports, and activities never touch
 * HTTP or each other.
 */
@AnalyzeClasses(packages = "fi.kasvu.lms", importOptions = ImportOption.DoNotIncludeTests.class)
class LtiArchitectureTest {

    @ArchTest
    static final ArchRule protocol_knows_no_server_storage_or_cli = noClasses()
            .that().resideInAPackage("fi.kasvu.lms.lti")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.eclipse.jetty..",
                    "java.sql..", "fi.kasvu.store..", "fi.kasvu.lms.server..", "fi.kasvu.lms.cli..", "picocli..")
            .because("the protocol reaches HTTP servers and databases only through its ports");

    @ArchTest
    static final ArchRule server_does_not_depend_on_the_cli = noClasses()
            .that().resideInAPackage("fi.kasvu.lms.server..")
            .should().dependOnClassesThat().resideInAPackage("fi.kasvu.lms.cli..")
            .because("the command line wires the server, not the other way round");

    /** Core's JSON mapping apart from its public facade. */
    private static final DescribedPredicate<JavaClass> JSON_INTERNALS = new DescribedPredicate<>(
            "fi.kasvu.json internals (anything but KasvuJson and KasvuJsonException)") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().equals("fi.kasvu.json") && !c.getSimpleName().equals("KasvuJson")
                    && !c.getSimpleName().equals("KasvuJsonException");
        }
    };

    @ArchTest
    static final ArchRule web_and_activities_use_ports_not_the_store = noClasses()
            .that().resideInAnyPackage("fi.kasvu.lms.web..", "fi.kasvu.lms.activity..")
            .should().dependOnClassesThat().resideInAnyPackage("fi.kasvu.store..", "java.sql..", "javax.sql..")
            .because("pages and activities talk to core's services and ports; the composition root picks the store");

    @ArchTest
    static final ArchRule web_and_activities_use_no_json_internals = noClasses()
            .that().resideInAnyPackage("fi.kasvu.lms.web..", "fi.kasvu.lms.activity..")
            .should().dependOnClassesThat(JSON_INTERNALS)
            .because("the JSON codecs are core's business; KasvuJson is their public face");

    @ArchTest
    static final ArchRule activities_never_touch_the_servlet_or_the_server = noClasses()
            .that().resideInAPackage("fi.kasvu.lms.activity..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.eclipse.jetty..",
                    "fi.kasvu.lms.server..", "fi.kasvu.lms.cli..", "fi.kasvu.lms.lti..", "fi.kasvu.lms.moodle..")
            .because("an activity answers with an Answer and never calls back into a servlet");

    @ArchTest
    static final ArchRule the_web_layer_knows_no_activity_kind = noClasses()
            .that().resideInAPackage("fi.kasvu.lms.web")
            .should().dependOnClassesThat().resideInAnyPackage("fi.kasvu.lms.activity..", "fi.kasvu.lms.server..",
                    "fi.kasvu.grow..")
            .because("kinds are registered in the composition root; the web layer serves any of them (the "
                    + "compiled templates in fi.kasvu.lms.web.jte hold every kind's pages, so they are not checked)");

    @ArchTest
    static final ArchRule activity_kinds_are_independent = slices().matching("fi.kasvu.lms.activity.(*)..")
            .should().notDependOnEachOther();
}
