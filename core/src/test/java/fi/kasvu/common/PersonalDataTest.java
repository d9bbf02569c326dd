package fi.kasvu.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.DocumentRepositoryContract.Note;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private final DocumentKind<Note> kind = DocumentRepositoryContract.newNoteKind();
    private final PersonalData<Note> policy = PersonalData.ownedBy(kind);

    @Test
    void ownedBy_mentionsTheOwnerOnly() {
        assertThat(policy.persons(new Note("n", PersonId.of("aino"), null, "")))
                .containsExactly(PersonId.of("aino"));
        assertThat(policy.persons(new Note("n", null, "course", ""))).isEmpty();
    }

    @Test
    void ownedBy_erasingTheOwnerDeletes_anyoneElseKeeps() {
        Note note = new Note("n", PersonId.of("aino"), null, "");

        assertThat(policy.erase(note, PersonId.of("aino"))).isInstanceOf(PersonalData.Erasure.Delete.class);
        assertThat(policy.erase(note, PersonId.of("ben"))).isInstanceOf(PersonalData.Erasure.Keep.class);
        assertThat(policy.exportView(note, PersonId.of("aino"))).containsSame(note);
    }

    @Test
    void replace_withoutCopy_namesTheField() {
        assertThatThrownBy(() -> PersonalData.Erasure.replaceWith(null))
                .isInstanceOf(NullPointerException.class).hasMessage("anonymised must not be null");
    }
}
