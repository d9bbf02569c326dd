package fi.kasvu.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTest {

    record Oops(String code, String field) implements Problem {
    }

    @Test
    void accepted_carriesValueAndNoProblems() {
        Result<String, Oops> result = Result.accepted("plan");
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.map(String::length).orElseThrow()).isEqualTo(4);
    }

    @Test
    void rejected_keepsProblemsThroughMapAndThrowsWithCodes() {
        Result<String, Oops> result = Result.rejected(new Oops("grow.goal.empty", "goal"));
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.map(String::length).problems()).containsExactly(new Oops("grow.goal.empty", "goal"));
        assertThatThrownBy(result::orElseThrow).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("grow.goal.empty");
    }

    @Test
    void acceptedUnless_rejectsWhenThereAreProblems() {
        assertThat(Result.<String, Oops>acceptedUnless(List.of(), "x").isAccepted()).isTrue();
        assertThat(Result.<String, Oops>acceptedUnless(List.of(new Oops("a", "b")), "x").isAccepted()).isFalse();
    }

    @Test
    void rejection_needsAReason() {
        assertThatThrownBy(() -> Result.rejected(List.<Oops>of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problems must not be empty");
    }

    @Test
    void orElse_givesTheValueOrTheFallback() {
        assertThat(Result.<String, Oops>accepted("plan").orElse("before")).isEqualTo("plan");
        assertThat(Result.<String, Oops>rejected(new Oops("a", "b")).orElse("before")).isEqualTo("before");
    }

    @Test
    void flatMap_chainsCommandsAndStopsAtTheFirstRejection() {
        Result<Integer, Oops> chained = Result.<String, Oops>accepted("plan")
                .flatMap(value -> Result.accepted(value.length()))
                .flatMap(length -> length > 3 ? Result.rejected(new Oops("too.long", "title")) : Result.accepted(length));
        assertThat(chained.problems()).containsExactly(new Oops("too.long", "title"));

        Result<Integer, Oops> neverRun = Result.<String, Oops>rejected(new Oops("first", "x"))
                .flatMap(value -> { throw new AssertionError("must not run after a rejection"); });
        assertThat(neverRun.problems()).extracting(Oops::code).containsExactly("first");
    }
}
