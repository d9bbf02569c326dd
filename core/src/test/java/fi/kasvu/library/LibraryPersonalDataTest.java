package fi.kasvu.library;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.PersonalData.Erasure;
import org.junit.jupiter.api.Test;

class LibraryPersonalDataTest {

    @Test
    void erase_author_keepsTheEntryWithAHiddenStandIn() {
        LibraryEntry entry = LibraryFixtures.caseExample();

        LibraryEntry erased = ((Erasure.Replace<LibraryEntry>) LibraryPersonalData.POLICY.erase(entry,
                LibraryFixtures.AUTHOR)).anonymised();

        assertThat(LibraryPersonalData.POLICY.persons(entry)).containsExactly(LibraryFixtures.AUTHOR);
        assertThat(erased.author()).isEqualTo(PersonId.of("erased-author"));
        assertThat(erased.authorShown()).isFalse();
        assertThat(erased.body()).isEqualTo(entry.body());
        assertThat(LibraryPersonalData.POLICY.erase(entry, PersonId.of("reader"))).isInstanceOf(Erasure.Keep.class);
    }
}
