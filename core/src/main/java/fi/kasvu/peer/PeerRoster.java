package fi.kasvu.peer;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The participants of one peer-group activity (a course's placed activity), with what formation
 * needs to know of them, gathered two ways: each learner's own intake form and an organiser's
 * upload. An upload wins: a person in the latest upload is taken from it, and their intake answers
 * stay unused until an upload no longer names them. Immutable.
 *
 * @param id      the roster's id
 * @param context the activity (course placement) it belongs to
 * @param entries who takes part, each person once
 */
public record PeerRoster(String id, String context, List<Entry> entries) {

    /** Where an entry came from. */
    public enum Source {
        /** The learner filled the intake form. */
        INTAKE,
        /** An organiser uploaded it in a CSV. */
        UPLOAD
    }

    /**
     * One participant.
     *
     * @param participant who, with the attributes formation needs
     * @param capacity    how many newcomers they onboard (onboarding pools), 0 for none
     * @param source      intake or upload
     * @param at          when it was given
     */
    public record Entry(Participant participant, int capacity, Source source, Instant at) {
        /** @throws IllegalArgumentException if the capacity is outside 0..50 */
        public Entry {
            Require.nonNull("participant", participant);
            Require.range("capacity", capacity, 0, 50);
            Require.nonNull("source", source);
            Require.nonNull("at", at);
        }
    }

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a person appears twice
     */
    public PeerRoster {
        Require.id("id", id);
        Require.id("context", context);
        entries = Require.list("entries", entries);
        Set<PersonId> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!seen.add(entries.get(i).participant().id())) {
                throw new IllegalArgumentException("entries[" + i + "] repeats a person: "
                        + entries.get(i).participant().id());
            }
        }
    }

    /** An empty roster. */
    public static PeerRoster empty(String id, String context) {
        return new PeerRoster(id, context, List.of());
    }

    /** The person's entry, if they take part. */
    public Optional<Entry> find(PersonId person) {
        return entries.stream().filter(e -> e.participant().id().equals(person)).findFirst();
    }

    /** Every participant, in the roster's order. */
    public List<Participant> participants() {
        return entries.stream().map(Entry::participant).toList();
    }

    /** Whether an upload holds the person (then their intake answers are not used). */
    public boolean uploaded(PersonId person) {
        return find(person).filter(e -> e.source() == Source.UPLOAD).isPresent();
    }

    /**
     * The roster with a learner's intake answers, replacing their earlier ones.
     *
     * @return the changed roster, or a {@code peer.roster.uploaded} problem when an upload holds the person
     */
    public fi.kasvu.common.Result<PeerRoster, GroupProblem> withIntake(Participant participant, Instant at) {
        return withIntake(participant, 0, at);
    }

    /**
     * The roster with a learner's intake answers and their onboarding capacity (0 for none),
     * replacing their earlier ones.
     *
     * @return the changed roster, or a {@code peer.roster.uploaded} problem when an upload holds the person
     * @throws IllegalArgumentException if the capacity is outside 0..50
     */
    public fi.kasvu.common.Result<PeerRoster, GroupProblem> withIntake(Participant participant, int capacity,
                                                                      Instant at) {
        Require.nonNull("participant", participant);
        if (uploaded(participant.id())) {
            return fi.kasvu.common.Result.rejected(new GroupProblem("peer.roster.uploaded", "participant", Map.of()));
        }
        Map<PersonId, Entry> next = byPerson();
        next.put(participant.id(), new Entry(participant, capacity, Source.INTAKE, at));
        return fi.kasvu.common.Result.accepted(new PeerRoster(id, context, List.copyOf(next.values())));
    }

    /**
     * The roster after an upload: every earlier upload's entry is replaced by the new upload, and an
     * uploaded person's intake answers give way to the upload. Intake entries of people the upload
     * does not name stay.
     */
    public PeerRoster withUpload(List<Entry> uploaded) {
        Map<PersonId, Entry> next = new LinkedHashMap<>();
        for (Entry entry : Require.list("uploaded", uploaded)) {
            if (entry.source() != Source.UPLOAD) {
                throw new IllegalArgumentException("uploaded entries must have the source UPLOAD: " + entry.source());
            }
            next.put(entry.participant().id(), entry);
        }
        List<Entry> all = new ArrayList<>(next.values());
        for (Entry entry : entries) {
            if (entry.source() == Source.INTAKE && !next.containsKey(entry.participant().id())) {
                all.add(entry);
            }
        }
        return new PeerRoster(id, context, all);
    }

    private Map<PersonId, Entry> byPerson() {
        Map<PersonId, Entry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.participant().id(), e));
        return map;
    }
}
