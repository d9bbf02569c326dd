package fi.kasvu.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Recording a placement in its course: written once, a repeat launch writes nothing, a placement
 * seen in another course moves, and no listing crosses tenants.
 */
class CoursePlacementsTest {

    static final TenantId A = TenantId.of("tenant-a");
    static final TenantId B = TenantId.of("tenant-b");
    final CoursePlacements placements = CoursePlacements.inMemory(Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"),
            ZoneOffset.UTC));

    @Test
    void aPlacementIsWrittenOnce_andARepeatLaunchWritesNothing() {
        CoursePlacement feedback = new CoursePlacement("activity:rl-360", CoursePlacement.courseKey("7"), "feedback-360");
        assertThat(placements.record(A, feedback)).isTrue();
        long version = placements.find(A, "activity:rl-360").orElseThrow().version();

        assertThat(placements.record(A, feedback)).as("a repeat launch").isFalse();
        assertThat(placements.find(A, "activity:rl-360").orElseThrow().version()).isEqualTo(version);

        CoursePlacement moved = new CoursePlacement("activity:rl-360", CoursePlacement.courseKey("8"), "feedback-360");
        assertThat(placements.record(A, moved)).isTrue();
        assertThat(placements.courseOf(A, "activity:rl-360")).contains("course:8");
        assertThat(placements.inCourse(A, "course:7")).isEmpty();
    }

    @Test
    void anotherTenantsPlacementInACourseOfTheSameId_isNeverListed() {
        placements.record(A, new CoursePlacement("activity:rl-prog", "course:7", "programme"));
        placements.record(B, new CoursePlacement("activity:rl-360", "course:7", "feedback-360"));
        placements.record(B, new CoursePlacement("activity:rl-prog", "course:7", "feedback-360"));

        assertThat(placements.inCourse(A, "course:7")).containsExactly(
                new CoursePlacement("activity:rl-prog", "course:7", "programme"));
        assertThat(placements.courseOf(A, "activity:rl-360")).isEmpty();
    }

    @Test
    void courseKeys_areBoundedAndFreeOfControlCharacters() {
        assertThat(CoursePlacement.courseKey("course-9")).isEqualTo("course:course-9");
        String longKey = CoursePlacement.courseKey("c".repeat(255));
        assertThat(longKey).startsWith("course:sha256:").hasSize("course:sha256:".length() + 64);
        assertThat(CoursePlacement.courseKey("a\u0007b")).startsWith("course:sha256:");
        assertThat(CoursePlacement.courseKey("c".repeat(255))).isEqualTo(longKey);
        assertThatThrownBy(() -> CoursePlacement.courseKey("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("courseId");
        assertThatThrownBy(() -> new CoursePlacement("activity:x", "course:1", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
    }
}
