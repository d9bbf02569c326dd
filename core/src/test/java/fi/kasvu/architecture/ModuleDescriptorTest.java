package fi.kasvu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Result;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Core is a named module that exports exactly its API packages (the tests run inside it, on the
 * module path, with Yasson found through JSON-B's service loader).
 */
class ModuleDescriptorTest {

    private final ModuleDescriptor descriptor = Result.class.getModule().getDescriptor();

    @Test
    void core_isTheNamedModuleFiKasvuCore() {
        assertThat(Result.class.getModule().isNamed()).as("tests run on the module path").isTrue();
        assertThat(descriptor.name()).isEqualTo("fi.kasvu.core");
    }

    @Test
    void onlyTheApiPackagesAreExported_andToEveryone() {
        assertThat(descriptor.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse());
        assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .isEqualTo(Set.of("fi.kasvu.common", "fi.kasvu.grow", "fi.kasvu.experiment", "fi.kasvu.peer",
                        "fi.kasvu.plan", "fi.kasvu.feedback", "fi.kasvu.programme", "fi.kasvu.survey", "fi.kasvu.library", "fi.kasvu.i18n",
                        "fi.kasvu.json"));
        assertThat(descriptor.packages()).contains("fi.kasvu.common.internal");
        assertThat(descriptor.opens()).as("nothing is opened for reflection").isEmpty();
    }
}
