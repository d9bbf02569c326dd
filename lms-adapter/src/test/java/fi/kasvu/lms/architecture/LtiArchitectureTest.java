package fi.kasvu.lms.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The LTI protocol stays testable on its own: no servlet, Jetty, JDBC or CLI inside it. */
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
}
