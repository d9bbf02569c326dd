package fi.kasvu.lms.activity.programme;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.TenantId;
import fi.kasvu.programme.ActivityCompletion;
import fi.kasvu.programme.Assignment;
import fi.kasvu.programme.Programme;
import fi.kasvu.programme.ReflectionAssignments;
import fi.kasvu.programme.ReflectionView;
import fi.kasvu.programme.Timeline;
import java.util.List;

/**
 * Whether a programme's assignments are done for a person, read now from the stores: her
 * reflection submitted, or the Kasvu activity that fulfils the assignment complete for her in the
 * programme's course ({@link DashboardFigures#completion}, the dashboard's "completed"). The rule
 * itself is core's {@link Timeline#done}; the timeline, the reminder rounds and the personal
 * calendar all ask through this, so they never disagree about what is done.
 */
public final class DoneForPerson {

    private final Programme programme;
    private final List<ReflectionView.Progress> reflections;
    private final ActivityCompletion activities;

    private DoneForPerson(Programme programme, List<ReflectionView.Progress> reflections,
                          ActivityCompletion activities) {
        this.programme = programme;
        this.reflections = reflections;
        this.activities = activities;
    }

    /**
     * What is done in the programme, from its reflections' progress (never their text) and the
     * other kinds' documents of its course (each kind read once, when first asked).
     *
     * @throws NullPointerException if an argument is null
     */
    public static DoneForPerson of(DashboardFigures.Sources sources, ReflectionAssignments reflections, TenantId tenant,
                                   Programme programme) {
        Require.nonNull("sources", sources);
        Require.nonNull("reflections", reflections);
        Require.nonNull("tenant", tenant);
        Require.nonNull("programme", programme);
        List<ReflectionView.Progress> progress = reflections.listByContext(tenant, programme.id()).documents().stream()
                .map(stored -> stored.value().progress()).toList();
        return new DoneForPerson(programme, progress, completion(sources, tenant, programme));
    }

    /** Who completed which linked activity in the programme's course (none for a programme of no course). */
    public static ActivityCompletion completion(DashboardFigures.Sources sources, TenantId tenant, Programme programme) {
        return programme.context() == null ? ActivityCompletion.none()
                : DashboardFigures.completion(sources, tenant, programme.context(), programme);
    }

    /** Whether the assignment is done for the person. */
    public boolean done(PersonId person, Assignment assignment) {
        return Timeline.done(programme, person, assignment, reflections, activities);
    }

    /** Who completed which linked activity. */
    public ActivityCompletion activities() {
        return activities;
    }

    /** The programme's reflections' progress. */
    public List<ReflectionView.Progress> reflections() {
        return reflections;
    }
}
