package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.experiment.Experiment;
import fi.kasvu.library.LibraryEntry;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.survey.Survey;
import fi.kasvu.survey.SurveyResponse;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every experiment, plan, survey, response and library entry reads back equal and writes the same text again. */
class PracticeJsonProperties {

    private final KasvuJson json = KasvuJson.create();

    private <T> void roundTrip(T value, Class<T> type) {
        String text = json.toJson(value);

        T again = json.fromJson(text, type);

        assertThat(again).isEqualTo(value);
        assertThat(json.toJson(again)).isEqualTo(text);
    }

    @Property(tries = 150)
    void everyExperiment_readsBackEqual(@ForAll("experiments") Experiment experiment) {
        roundTrip(experiment, Experiment.class);
    }

    @Property(tries = 100)
    void everyDevelopmentPlan_readsBackEqual(@ForAll("plans") DevelopmentPlan plan) {
        roundTrip(plan, DevelopmentPlan.class);
    }

    @Property(tries = 100)
    void everySurvey_readsBackEqual(@ForAll("surveys") Survey survey) {
        roundTrip(survey, Survey.class);
    }

    @Property(tries = 100)
    void everySurveyResponse_readsBackEqual(@ForAll("responses") SurveyResponse response) {
        roundTrip(response, SurveyResponse.class);
    }

    @Property(tries = 100)
    void everyLibraryEntry_readsBackEqual(@ForAll("entries") LibraryEntry entry) {
        roundTrip(entry, LibraryEntry.class);
    }

    @Provide
    Arbitrary<Experiment> experiments() {
        return PracticeArbitraries.experiments();
    }

    @Provide
    Arbitrary<DevelopmentPlan> plans() {
        return PracticeArbitraries.developmentPlans();
    }

    @Provide
    Arbitrary<Survey> surveys() {
        return PracticeArbitraries.surveys();
    }

    @Provide
    Arbitrary<SurveyResponse> responses() {
        return PracticeArbitraries.responses();
    }

    @Provide
    Arbitrary<LibraryEntry> entries() {
        return PracticeArbitraries.libraryEntries();
    }
}
