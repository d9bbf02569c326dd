package fi.kasvu.lms.server;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import fi.kasvu.grow.GrowTemplates;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Platform and user values never become markup, in any language. */
class PagesTest {

    static final String HOSTILE = "\"><script>alert('x')</script>";

    static LtiServlets.Session session(Language language) {
        return new LtiServlets.Session("https://lms.example.org", "c", "1", TenantId.of("t"), "5", language, HOSTILE,
                HOSTILE, HOSTILE, Optional.of(URI.create("https://lms.example.org/li/1")), true, false, Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void activityPage_escapesPlatformValues(Language language) {
        String html = Pages.activity(session(language), "abc", true, false, URI.create("https://kasvu.example.org"));

        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;")
                .contains("lang=\"" + language.code() + "\"")
                .contains(Texts.OPEN_NEW_WINDOW.in(language), Texts.MARK_DONE.in(language));
    }

    @Test
    void picker_escapesTheDefaultTitle_andListsTheGrowTemplates() {
        String html = Pages.picker(Language.SV, URI.create("https://kasvu.example.org/lti/deep-link"), "p1", HOSTILE,
                GrowTemplates.all());

        assertThat(html).doesNotContain("<script>alert").contains("value=\"&quot;&gt;&lt;script&gt;")
                .contains(GrowTemplates.all().get(0).title().in(Language.SV), "name=\"picker\" value=\"p1\"");
    }

    @Test
    void autoPost_carriesTheJwtInAHiddenField() {
        String html = Pages.autoPost(Language.FI, URI.create("https://lms.example.org/return?a=1&b=2"),
                java.util.Map.of("JWT", "a.b.c"));

        assertThat(html).contains("action=\"https://lms.example.org/return?a=1&amp;b=2\"")
                .contains("name=\"JWT\" value=\"a.b.c\"");
    }
}
