package fi.kasvu.examples;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.feedback.Answers;
import fi.kasvu.feedback.Feedback360Report;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.IssuedLink;
import fi.kasvu.feedback.RaterGroup;
import fi.kasvu.feedback.ReportGroup;
import fi.kasvu.feedback.Requester;
import fi.kasvu.i18n.CompetenceSets;
import fi.kasvu.i18n.FeedbackMessages;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.PlanFromFeedback360;
import fi.kasvu.survey.AnonymityThreshold;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A 360 on the coaching-leadership statements: invitations, a single-use link, the anonymous report, a plan. */
public final class Feedback360Example {

    private Feedback360Example() {
    }

    /** Runs the example and prints what it did. */
    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(14));
        PersonId anna = PersonId.of("supervisor-anna");
        SecureRandom random = new SecureRandom();
        FeedbackAssessment a = FeedbackAssessment.open("360-anna", anna, "course-1",
                CompetenceSets.coachingLeadership(), false, now);
        a = a.answerAsSelf(anna, Answers.of(Map.of("asks-first", 5, "workload", 4)), now).orElseThrow();
        for (String peer : List.of("peer-1", "peer-2", "peer-3", "peer-4")) {
            a = a.invite(Requester.person(anna), "inv-" + peer, PersonId.of(peer), RaterGroup.PEERS, expires, now)
                    .orElseThrow();
            a = a.answerAsInvited(PersonId.of(peer), "r-" + random.nextLong(),
                    new Answers(Map.of("asks-first", 2, "workload", 4), "Keeps promises", ""), now).orElseThrow();
        }
        IssuedLink link = a.issueLink(Requester.person(anna), "inv-link", RaterGroup.DIRECT_REPORTS, expires,
                () -> Base64.getUrlEncoder().withoutPadding().encodeToString(random.generateSeed(24)), now).orElseThrow();
        a = link.assessment().answerByLink(link.token(), "r-x", Answers.of(Map.of("asks-first", 1)), now).orElseThrow();
        var reused = a.answerByLink(link.token(), "r-y", Answers.of(Map.of("asks-first", 5)), now);
        System.out.println("link used again: " + FeedbackMessages.message(reused.problems().get(0), Language.EN));
        a = a.close(Requester.person(anna), now).orElseThrow();

        Feedback360Report report = a.report(AnonymityThreshold.standard()).orElseThrow();
        System.out.println("shown: " + report.shownGroups().stream().sorted().toList()
                + ", merged into others: " + report.mergedIntoOthers() + ", left out: " + report.answersLeftOut());
        System.out.println("asks-first: self " + report.statement("asks-first").orElseThrow().self() + ", others "
                + report.statement("asks-first").orElseThrow().figure(ReportGroup.ALL_RATERS).orElseThrow().mean());
        DevelopmentPlan plan = PlanFromFeedback360.create(report, anna, "plan-anna", "Ask first", List.of(),
                Language.EN, "course-1", now).orElseThrow();
        System.out.println("plan goal: " + plan.goals().get(0).what());
    }
}
