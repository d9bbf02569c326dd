package fi.kasvu.lms.reminder;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.feedback.FeedbackAssessment;
import fi.kasvu.feedback.FeedbackAssessments;
import fi.kasvu.feedback.Invitation;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.plan.DevelopmentPlan;
import fi.kasvu.plan.DevelopmentPlans;
import fi.kasvu.plan.Review;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reminders for people rather than programmes (issue 16): a development plan's review reaches its
 * owner, and a pending 360 invitation from the course roster reaches the invited rater before it
 * expires. The mail names neither the plan's title nor the person to assess (both are someone's
 * own writing or a link between people); it says what is due, when, and where to go.
 */
public final class PersonalDueItems implements DueSource {

    /** The due item kind of a plan review. */
    public static final String PLAN_REVIEW = "plan.review.due";
    /** The due item kind of a pending 360 invitation (core's {@link FeedbackAssessment#dueItems()}). */
    public static final String INVITATION = "feedback.invitation.pending";

    /** The hour a review day's reminder is due, in {@link #ZONE}: a review has a day, not a time. */
    static final LocalTime REVIEW_HOUR = LocalTime.of(9, 0);
    /** The zone reminders' days and times are read in (the seeds' agencies are Finnish). */
    static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private static final LocalizedText REVIEW_SUBJECT = LocalizedText.of(
            "Kehittymissuunnitelmasi seurantakerta lähestyy", "Uppföljningen av din utvecklingsplan närmar sig",
            "A review of your development plan is coming up");
    private static final LocalizedText REVIEW_TEXT = LocalizedText.of(
            "Olet sopinut kehittymissuunnitelmallesi seurantakerran {0}.",
            "Du har bokat en uppföljning av din utvecklingsplan {0}.",
            "You scheduled a review of your development plan on {0}.");
    private static final LocalizedText REVIEW_MORE = LocalizedText.of(
            "Avaa kurssisi kehittymissuunnitelma-aktiviteetti ja kirjaa seurantakerta pidetyksi.",
            "Öppna aktiviteten Utvecklingsplan i din kurs och registrera uppföljningen som hållen.",
            "Open the development plan activity in your course and record the review as held.");
    private static final LocalizedText INVITATION_TEXT = LocalizedText.of(
            "Sinua on pyydetty antamaan 360-arvio. Kutsu on voimassa {0} asti.",
            "Du har ombetts att ge en 360-bedömning. Inbjudan gäller till {0}.",
            "You have been asked for a 360 assessment. The invitation is open until {0}.");
    private static final LocalizedText INVITATION_MORE = LocalizedText.of(
            "Avaa kurssisi 360-arviointi: pyyntö on kohdassa ”Arviot, joita sinulta on pyydetty”.",
            "Öppna 360-bedömningen i din kurs: förfrågan finns under ”Bedömningar du ombetts ge”.",
            "Open the 360 assessment in your course: the request is under \"Assessments you were asked to give\".");

    private final KasvuDatabase database;
    private final DevelopmentPlans plans;
    private final FeedbackAssessments assessments;

    /** The plans' and assessments' due items, read from the shared database. */
    public PersonalDueItems(KasvuDatabase database, DevelopmentPlans plans, FeedbackAssessments assessments) {
        this.database = database;
        this.plans = plans;
        this.assessments = assessments;
    }

    @Override
    public List<Due> due(Instant from, Instant to) {
        List<Due> due = new ArrayList<>();
        for (String[] key : keys(DevelopmentPlans.KIND.name())) {
            TenantId tenant = TenantId.of(key[0]);
            plans.find(tenant, key[1]).map(Versioned::value).ifPresent(plan -> {
                for (Review review : plan.reviews()) {
                    Instant at = reviewAt(review);
                    if (!review.held() && !at.isBefore(from) && at.isBefore(to)) {
                        due.add(new Due(tenant, new DueItem(plan.owner(), PLAN_REVIEW, plan.id(), review.id(), at)));
                    }
                }
            });
        }
        for (String[] key : keys(FeedbackAssessments.KIND.name())) {
            TenantId tenant = TenantId.of(key[0]);
            assessments.find(tenant, key[1]).map(Versioned::value).ifPresent(a -> a.dueItems().stream()
                    .filter(item -> !item.due().isBefore(from) && item.due().isBefore(to))
                    .forEach(item -> due.add(new Due(tenant, item))));
        }
        return due;
    }

    private static Instant reviewAt(Review review) {
        return review.scheduledOn().atTime(REVIEW_HOUR).atZone(ZONE).toInstant();
    }

    @Override
    public boolean handles(String kind) {
        return PLAN_REVIEW.equals(kind) || INVITATION.equals(kind);
    }

    @Override
    public boolean stillDue(TenantId tenant, DueItem item) {
        if (PLAN_REVIEW.equals(item.kind())) {
            return plans.find(tenant, item.documentId()).map(Versioned::value).filter(p -> p.owner().equals(item.recipient()))
                    .flatMap(p -> p.reviews().stream().filter(r -> r.id().equals(item.itemId())).findFirst())
                    .filter(r -> !r.held()).isPresent();
        }
        Optional<FeedbackAssessment> a = assessments.find(tenant, item.documentId()).map(Versioned::value);
        return a.filter(x -> !x.closed()).flatMap(x -> x.invitation(item.itemId()))
                .filter(i -> i.status() == Invitation.Status.PENDING).isPresent();
    }

    @Override
    public String subject(DueItem item, Language language) {
        return PLAN_REVIEW.equals(item.kind()) ? REVIEW_SUBJECT.in(language)
                : ProgrammeMessages.reminder(item.kind(), language);
    }

    @Override
    public List<String> body(TenantId tenant, DueItem item, Language language) {
        if (PLAN_REVIEW.equals(item.kind())) {
            String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale())
                    .format(item.due().atZone(ZONE).toLocalDate());
            return List.of(REVIEW_TEXT.in(language).replace("{0}", day), "", REVIEW_MORE.in(language));
        }
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(item.due().atZone(ZONE));
        return List.of(INVITATION_TEXT.in(language).replace("{0}", until), "", INVITATION_MORE.in(language));
    }

    /** Every stored document of the kind: tenant and id (the ports list by tenant; reminders serve every tenant). */
    private List<String[]> keys(String kind) {
        List<String[]> keys = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT tenant, id FROM kasvu_document WHERE kind = ?")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the " + kind + " documents failed: " + e.getSQLState(), e);
        }
        return keys;
    }
}
