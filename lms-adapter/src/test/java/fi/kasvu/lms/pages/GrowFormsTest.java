package fi.kasvu.lms.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.grow.ActionStatus;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Form fields map onto core's operations; what a learner can get wrong comes back as a field error. */
class GrowFormsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static GrowConversation fresh() {
        return GrowConversation.start("c-1", GrowTemplates.PERSONAL_DEVELOPMENT, Participants.alone(PersonId.of("u-1")),
                Language.FI, CLOCK);
    }

    static GrowConversation changed(GrowForms.Applied applied) {
        assertThat(applied).isInstanceOf(GrowForms.Applied.Changed.class);
        return ((GrowForms.Applied.Changed) applied).conversation();
    }

    static FieldError rejected(GrowForms.Applied applied) {
        assertThat(applied).isInstanceOf(GrowForms.Applied.Rejected.class);
        return ((GrowForms.Applied.Rejected) applied).error();
    }

    @Test
    void textFields_setTheirPartOfTheConversation() {
        GrowConversation c = fresh();
        c = changed(GrowForms.apply(c, "goal.sessionGoal", "Antaa palautetta viikoittain"));
        c = changed(GrowForms.apply(c, "goal.measures", "Tiimi sanoo sen"));
        c = changed(GrowForms.apply(c, "reality.essentialInsight", "Pelkään loukkaavani"));
        c = changed(GrowForms.apply(c, "answer.goal.grow.goal.2", "Koska tiimi kasvaa"));
        c = changed(GrowForms.apply(c, "will.commitment", "8"));

        assertThat(c.goal().sessionGoal()).isEqualTo("Antaa palautetta viikoittain");
        assertThat(c.goal().measures()).isEqualTo("Tiimi sanoo sen");
        assertThat(c.reality().essentialInsight()).isEqualTo("Pelkään loukkaavani");
        assertThat(c.answerTo(Phase.GOAL, "grow.goal.2")).get().extracting(a -> a.text()).isEqualTo("Koska tiimi kasvaa");
        assertThat(c.will().commitment()).isEqualTo(8);
    }

    @Test
    void tooLongText_isRejectedWithTheLimitAndTheLength() {
        FieldError error = rejected(GrowForms.apply(fresh(), "goal.sessionGoal", "x".repeat(GrowForms.MAX_LONG + 1)));

        assertThat(error.field()).isEqualTo("goal.sessionGoal");
        assertThat(error.message(PageTexts.in(Language.EN))).contains("4000", "4001");
    }

    @ParameterizedTest
    @CsvSource({"2026-12-31,2026-12-31", "31.12.2026,2026-12-31", "1.2.2027,2027-02-01"})
    void dates_inIsoOrFinnishForm(String typed, String expected) {
        GrowConversation c = changed(GrowForms.apply(fresh(), "goal.targetDate", typed));

        assertThat(c.goal().targetDate()).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "31/12/2026", "2026-13-01", "32.1.2026"})
    void notADate_isAFieldErrorNamingTheFormat(String typed) {
        FieldError error = rejected(GrowForms.apply(fresh(), "goal.targetDate", typed));

        assertThat(error.key()).isEqualTo("field.badDate");
        assertThat(error.message(PageTexts.in(Language.FI))).contains("31.12.2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "kymmenen"})
    void commitmentOutsideOneToTen_isAFieldError(String typed) {
        assertThat(rejected(GrowForms.apply(fresh(), "will.commitment", typed)).key()).isEqualTo("field.badCommitment");
    }

    @Test
    void options_areAddedEditedChosenAndNeverBlank() {
        GrowConversation c = changed(GrowForms.addOption(fresh(), " Kysy tiimiltä "));
        c = changed(GrowForms.apply(c, "option.option-1.text", "Kysy tiimiltä ensin"));
        c = changed(GrowForms.apply(c, "option.option-1.chosen", "on"));

        assertThat(c.options()).singleElement().satisfies(o -> {
            assertThat(o.text()).isEqualTo("Kysy tiimiltä ensin");
            assertThat(o.chosen()).isTrue();
        });
        assertThat(rejected(GrowForms.apply(c, "option.option-1.text", "  ")).key()).isEqualTo("field.optionEmpty");
        assertThat(rejected(GrowForms.addOption(c, "")).key()).isEqualTo("field.optionEmpty");
        assertThat(rejected(GrowForms.apply(c, "option.option-9.text", "x")).key()).isEqualTo("field.gone");
        assertThat(changed(GrowForms.apply(c, "option.option-1.chosen", "")).chosenOptions()).isEmpty();
    }

    @Test
    void optionDetails_notesProsConsAndRatings_areRecordedPerOption() {
        GrowConversation c = changed(GrowForms.addOption(fresh(), "Kysy tiimiltä"));
        c = changed(GrowForms.addOption(c, "Lue kirja"));

        c = changed(GrowForms.apply(c, "option.option-1.notes", "Ensi palaverissa"));
        c = changed(GrowForms.apply(c, "option.option-1.pros", " Nopea \n\nHalpa\r\n"));
        c = changed(GrowForms.apply(c, "option.option-1.cons", "Jännittää"));
        c = changed(GrowForms.apply(c, "option.option-1.impact", "4"));
        c = changed(GrowForms.apply(c, "option.option-1.feasibility", " 5 "));

        assertThat(c.options().get(0)).satisfies(o -> {
            assertThat(o.notes()).isEqualTo("Ensi palaverissa");
            assertThat(o.pros()).containsExactly("Nopea", "Halpa");
            assertThat(o.cons()).containsExactly("Jännittää");
            assertThat(o.impact()).isEqualTo(4);
            assertThat(o.feasibility()).isEqualTo(5);
        });
        assertThat(c.options().get(1)).satisfies(o -> {
            assertThat(o.notes()).isEmpty();
            assertThat(o.pros()).isEmpty();
            assertThat(o.impact()).isNull();
        });
        GrowConversation unrated = changed(GrowForms.apply(c, "option.option-1.impact", ""));
        assertThat(unrated.options().get(0).impact()).isNull();
        assertThat(unrated.options().get(0).feasibility()).isEqualTo(5);
        assertThat(changed(GrowForms.apply(c, "option.option-1.pros", "  \n ")).options().get(0).pros()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"impact,0", "impact,6", "impact,abc", "feasibility,-1", "feasibility,2.5", "feasibility,viisi"})
    void ratingOutsideOneToFive_isAFieldErrorNamingTheRange(String rating, String typed) {
        GrowConversation c = changed(GrowForms.addOption(fresh(), "Kysy tiimiltä"));
        c = changed(GrowForms.apply(c, "option.option-1." + rating, "3"));

        FieldError error = rejected(GrowForms.apply(c, "option.option-1." + rating, typed));

        assertThat(error.field()).isEqualTo("option.option-1." + rating);
        assertThat(error.key()).isEqualTo("field.badRating");
        assertThat(error.message(PageTexts.in(Language.FI))).contains("1–5");
        assertThat(error.message(PageTexts.in(Language.SV))).contains("1 till 5");
        assertThat(error.message(PageTexts.in(Language.EN))).contains("1 to 5", "not rated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes", "pros", "cons"})
    void tooLongOptionDetail_isRejectedWithTheLimit(String detail) {
        GrowConversation c = changed(GrowForms.addOption(fresh(), "Kysy tiimiltä"));

        FieldError error = rejected(GrowForms.apply(c, "option.option-1." + detail, "x".repeat(GrowForms.MAX_LONG + 1)));

        assertThat(error.field()).isEqualTo("option.option-1." + detail);
        assertThat(error.message(PageTexts.in(Language.EN))).contains("4000", "4001");
    }

    @Test
    void optionDetailOfAGoneOption_isAFieldError() {
        assertThat(rejected(GrowForms.apply(fresh(), "option.option-3.impact", "2")).key()).isEqualTo("field.gone");
        assertThat(GrowForms.isSavable("option.option-1.impact")).isTrue();
        assertThat(GrowForms.isSavable("option.option-1.rating")).isFalse();
    }

    @Test
    void actions_needAWhat_andAReadableDate() {
        GrowConversation c = changed(GrowForms.addAction(fresh(), "Varaa aika", "", "31.12.2026"));

        assertThat(c.will().actions()).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("Varaa aika");
            assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
        assertThat(rejected(GrowForms.addAction(c, " ", "", "")).field()).isEqualTo("action.new.what");
        assertThat(rejected(GrowForms.addAction(c, "Soita", "", "ensi viikolla")).field()).isEqualTo("action.new.due");
        assertThat(changed(GrowForms.apply(c, "action.action-1.due", "")).will().actions().get(0).dueDate()).isNull();
    }

    @Test
    void followUp_isPlannedOncePerDay() {
        GrowConversation c = changed(GrowForms.planFollowUp(fresh(), "15.1.2027"));
        c = changed(GrowForms.planFollowUp(c, "2027-01-15"));

        assertThat(c.will().checkIns()).singleElement().satisfies(ci -> assertThat(ci.plannedOn()).isEqualTo(LocalDate.of(2027, 1, 15)));
    }

    @Test
    void checkIn_recordsANote_andEndsTheActionAsDoneOrDroppedWithAReason() {
        GrowConversation c = changed(GrowForms.addAction(fresh(), "Varaa aika", "", "31.12.2026"));
        c = changed(GrowForms.planFollowUp(c, "1.12.2026"));

        GrowConversation noted = changed(GrowForms.checkIn(c, "action-1", "Aika varattu", "DONE", "", TODAY));
        assertThat(noted.will().actions().get(0).status()).isInstanceOf(ActionStatus.Done.class);
        assertThat(noted.will().actions().get(0).progressNotes()).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("Aika varattu"));
        assertThat(noted.will().checkIns()).singleElement().satisfies(ci -> assertThat(ci.held()).isTrue());

        assertThat(rejected(GrowForms.checkIn(c, "action-1", "", "DROPPED", " ", TODAY)).key()).isEqualTo("field.dropReason");
        assertThat(changed(GrowForms.checkIn(c, "action-1", "", "DROPPED", "Ei enää ajankohtainen", TODAY))
                .will().actions().get(0).status()).isInstanceOf(ActionStatus.Dropped.class);
        assertThat(rejected(GrowForms.checkIn(c, "action-1", "", "OPEN", "", TODAY)).key()).isEqualTo("field.checkInEmpty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropped", "done", "Open", "CLOSED"})
    void checkIn_withAStatusNotOffered_isRefusedNotIgnored(String status) {
        GrowConversation c = changed(GrowForms.addAction(fresh(), "Varaa aika", "", "31.12.2026"));

        FieldError error = rejected(GrowForms.checkIn(c, "action-1", "Huomio", status, "syy", TODAY));

        assertThat(error.key()).isEqualTo("field.statusUnknown");
        assertThat(error.field()).isEqualTo("checkin.action-1.status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1.1.0000", "1899-12-31", "3000-01-01"})
    void targetDatesOutsideAnyPlan_areRefused(String date) {
        assertThat(rejected(GrowForms.addAction(fresh(), "Soita", "", date)).field()).isEqualTo("action.new.due");
        assertThat(rejected(GrowForms.apply(fresh(), "goal.targetDate", date)).key()).isNotBlank();
    }

    /** Daily check-ins for a year used to hit a limit of 100 and lock the learner out with a 404. */
    @Test
    void checkIns_beyondAYearOfDailyOnes_areKept_andTheLimitIsAMessageThatLosesNothing() {
        GrowConversation c = changed(GrowForms.addAction(fresh(), "Varaa aika", "", "31.12.2026"));
        for (int day = 0; day < 400; day++) {
            c = changed(GrowForms.checkIn(c, "action-1", "Päivä " + day, "", "", TODAY.plusDays(day)));
        }
        assertThat(c.will().checkIns()).hasSize(400);
        while (c.will().checkIns().size() < GrowConversation.MAX_CHECK_INS) {
            c = c.recordUnplannedCheckIn(TODAY, "x");
        }

        FieldError full = rejected(GrowForms.checkIn(c, "action-1", "Vielä yksi", "", "", TODAY));

        assertThat(full.key()).isEqualTo("field.tooMany");
        assertThat(c.will().checkIns()).hasSize(GrowConversation.MAX_CHECK_INS);
    }

    @Test
    void unknownField_isAProgrammingError_namingTheField() {
        assertThat(GrowForms.isSavable("participants.coach")).isFalse();
        assertThatThrownBy(() -> GrowForms.apply(fresh(), "participants.coach", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("participants.coach");
    }
}
