package fi.kasvu.lms.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session token taken from a page path without a regular expression (issue 19). */
class FirstSegmentTest {

    @Test
    void theTokenIsTheTextBeforeTheFirstSlash() {
        for (String path : new String[] {"", "abc", "abc/", "abc/def", "abc/def/ghi", "/abc", "a-b_c/autosave",
            "tok/phase/goal?x=1"}) {
            assertThat(Web.firstSegment(path)).as(path).isEqualTo(path.replaceFirst("/.*", ""));
        }
    }
}
