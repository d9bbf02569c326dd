package fi.kasvu.json;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.Language;
import fi.kasvu.i18n.PeerMessages;
import fi.kasvu.peer.Formation;
import fi.kasvu.peer.FormationRequest;
import fi.kasvu.peer.GroupFormation;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.Populations;
import fi.kasvu.peer.Reason;
import org.junit.jupiter.api.Test;

/**
 * A formation's reasons in its JSON: typed beside their English, read back typed; a file written
 * before the reasons were typed keeps its English sentences as they were.
 */
class FormationReasonsJsonTest {

    final KasvuJson json = KasvuJson.create();
    final Formation formation = GroupFormation.form(FormationRequest.of("f", GroupKind.PEER_TRIAD,
            Populations.generate(7, 3, 1, 0), 1));

    @Test
    void theReasonsAreWrittenTypedAndInEnglish_andReadBackTyped() {
        String written = json.toJson(formation);

        assertThat(written).contains("\"findingReasons\":[{\"code\":\"peer.finding.sizes\"",
                "\"explanationReasons\":[{\"code\":\"peer.group.composition\"",
                "\"findings\":[\"" + PeerMessages.text(formation.findings().get(0), Language.EN) + "\"");
        assertThat(json.fromJson(written, Formation.class)).isEqualTo(formation);
    }

    @Test
    void aFileWithoutTypedReasons_keepsItsEnglishSentences() {
        String old = json.toJson(formation).replaceAll(",\"(findingReasons|explanationReasons)\":\\[[^\\]]*\\]", "")
                .replaceAll(",\"because\":\\{\"code\":\"[^\"]*\",\"arguments\":\\{[^}]*\\}\\}", "");
        assertThat(old).doesNotContain("Reasons", "because");

        Formation read = json.fromJson(old, Formation.class);

        assertThat(read.findings()).extracting(Reason::code).containsOnly(Reason.VERBATIM);
        assertThat(PeerMessages.texts(read.findings(), Language.FI))
                .isEqualTo(PeerMessages.texts(formation.findings(), Language.EN));
        assertThat(PeerMessages.text(read.groups().get(0).explanation(), Language.SV))
                .isEqualTo(PeerMessages.text(formation.groups().get(0).explanation(), Language.EN));
        assertThat(read.groups()).extracting(g -> g.members().size())
                .isEqualTo(formation.groups().stream().map(g -> g.members().size()).toList());
    }
}
