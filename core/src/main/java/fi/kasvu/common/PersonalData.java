package fi.kasvu.common;

import java.util.Optional;
import java.util.Set;

/**
 * How one aggregate holds personal data, so that a store can export everything of a person and
 * erase a person without knowing the aggregate's shape: which persons a document mentions, what
 * a person may see of it in their own export, and what erasing a person does to it.
 *
 * <p>Each feature supplies one policy per stored aggregate; {@code kasvu-store-jdbc} applies them
 * across every registered document kind.
 */
public interface PersonalData<T> {

    /** Every person the document mentions: its owner, members, raters, authors of shared content. */
    Set<PersonId> persons(T document);

    /**
     * The document as it appears in the person's own export: by default the whole document. A
     * shared document drops what other persons wrote privately, because private reflections never
     * reach anyone but their author; empty means the person is only mentioned (a coach in someone
     * else's conversation) and the export names the document without its content.
     */
    default Optional<T> exportView(T document, PersonId person) {
        return Optional.of(document);
    }

    /** What erasing the person does to a document that mentions them. */
    Erasure<T> erase(T document, PersonId person);

    /** What happens to one document when a person is erased. */
    sealed interface Erasure<T> {

        /** The document is the person's private content: it is deleted. */
        static <T> Erasure<T> delete() {
            return new Delete<>();
        }

        /** The document is group-level: it is kept with the person anonymised in it. */
        static <T> Erasure<T> replaceWith(T anonymised) {
            return new Replace<>(anonymised);
        }

        /** The document mentions the person only in a way that must stay (or not at all). */
        static <T> Erasure<T> keep() {
            return new Keep<>();
        }

        /** Delete the document. */
        record Delete<T>() implements Erasure<T> {
        }

        /**
         * Store this anonymised copy in place of the document.
         *
         * @param anonymised the document without the person; same id
         */
        record Replace<T>(T anonymised) implements Erasure<T> {
            /** @throws NullPointerException if the copy is null */
            public Replace {
                Require.nonNull("anonymised", anonymised);
            }
        }

        /** Leave the document as it is. */
        record Keep<T>() implements Erasure<T> {
        }
    }

    /**
     * The stand-in for an erased person in a group-level document: {@code erased-<slot>}, where
     * the slot (a role or a position) keeps stand-ins of one document apart without hinting at who
     * was there.
     *
     * @throws IllegalArgumentException if the slot is blank or too long
     */
    static PersonId erased(String slot) {
        return PersonId.of("erased-" + Require.id("slot", slot));
    }

    /**
     * The policy for an aggregate that belongs to its owner alone (a GROW conversation, a plan):
     * it mentions only its owner, and erasing the owner deletes it.
     *
     * @throws NullPointerException if the kind is null
     */
    static <T> PersonalData<T> ownedBy(DocumentKind<T> kind) {
        Require.nonNull("kind", kind);
        return new PersonalData<>() {
            @Override
            public Set<PersonId> persons(T document) {
                PersonId owner = kind.owner().apply(document);
                return owner == null ? Set.of() : Set.of(owner);
            }

            @Override
            public Erasure<T> erase(T document, PersonId person) {
                return person.equals(kind.owner().apply(document)) ? Erasure.delete() : Erasure.keep();
            }
        };
    }
}
