package fi.kasvu.library;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import fi.kasvu.common.Result;
import fi.kasvu.common.TenantId;
import fi.kasvu.common.Versioned;
import fi.kasvu.experiment.ExperimentProblem;
import fi.kasvu.experiment.ExperimentService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes case examples, insights and experiments to the library and searches it for one
 * reader. Entries are stamped with the clock and given ids from the id supplier; each saved entry
 * is announced to {@link LibraryEvents}. Thread-safe when the ports are.
 */
public final class LibraryService {

    private final LibraryEntries entries;
    private final ExperimentService experiments;
    private final LibraryEvents events;
    private final Clock clock;
    private final IdGenerator ids;

    private LibraryService(LibraryEntries entries, ExperimentService experiments, LibraryEvents events, Clock clock,
                           IdGenerator ids) {
        this.entries = Require.nonNull("entries", entries);
        this.experiments = Require.nonNull("experiments", experiments);
        this.events = Require.nonNull("events", events);
        this.clock = Require.nonNull("clock", clock);
        this.ids = Require.nonNull("ids", ids);
    }

    /**
     * A service over the entries, sharing experiments through their service, publishing to the listener.
     *
     * @throws NullPointerException if a part is null
     */
    public static LibraryService of(LibraryEntries entries, ExperimentService experiments, LibraryEvents events,
                                    Clock clock, IdGenerator ids) {
        return new LibraryService(entries, experiments, events, clock, ids);
    }

    /**
     * What an author writes for a case example or an insight.
     *
     * @param kind         {@code CASE_EXAMPLE} or {@code INSIGHT} (experiments come through {@link #shareExperiment})
     * @param language     the language it is written in
     * @param title        the title
     * @param summary      a short summary
     * @param body         the text ("" for a short insight)
     * @param tags         tags, normalised when stored
     * @param organisation the author's organisation
     * @param team         the author's team, or null; required for {@link Visibility#TEAM}
     * @param visibility   who can read it
     * @param authorShown  whether readers see the author
     */
    public record Draft(LibraryEntry.Kind kind, Language language, String title, String summary, String body,
                        Set<String> tags, String organisation, String team, Visibility visibility,
                        boolean authorShown) {
        /** @throws IllegalArgumentException if the kind is {@code EXPERIMENT}; NullPointerException if it is missing */
        public Draft {
            Require.nonNull("kind", kind);
            if (kind == LibraryEntry.Kind.EXPERIMENT) {
                throw new IllegalArgumentException("kind must not be EXPERIMENT (share the experiment instead): EXPERIMENT");
            }
        }
    }

    /**
     * Publishes the author's case example or insight, now.
     *
     * @throws IllegalArgumentException naming the field if a part of the draft is invalid (a blank title, too many tags)
     */
    public Versioned<LibraryEntry> publish(TenantId tenant, PersonId author, Draft draft) {
        Require.nonNull("draft", draft);
        LibraryEntry entry = new LibraryEntry(ids.next(), draft.kind(), draft.language(), draft.title(),
                draft.summary(), draft.body(), draft.tags(), draft.organisation(), draft.team(), draft.visibility(),
                author, draft.authorShown(), clock.instant(), null);
        return save(tenant, entry);
    }

    /**
     * The Share step: publishes a decided experiment as a library entry and moves the experiment to
     * Share (through {@link ExperimentService}, which saves it with retry and publishes its events).
     * The experiment is saved first; the entry follows.
     *
     * @return the new entry, or the experiment's problems (not decided yet, not the facilitator)
     */
    public Result<Versioned<LibraryEntry>, ExperimentProblem> shareExperiment(TenantId tenant, String experimentId,
            PersonId by, String organisation, Language language, Visibility visibility, boolean authorShown,
            Set<String> tags) {
        ExperimentSharing.Publication publication = new ExperimentSharing.Publication(ids.next(), organisation,
                language, visibility, authorShown, tags);
        AtomicReference<LibraryEntry> made = new AtomicReference<>();
        return experiments.change(tenant, experimentId, (experiment, at) ->
                ExperimentSharing.publish(experiment, by, publication, at).map(shared -> {
                    made.set(shared.entry());
                    return shared.experiment();
                })).map(saved -> save(tenant, made.get()));
    }

    /**
     * The entries of the organisations that the reader may read and that match the query, newest
     * first, as the reader may see them (the author hidden unless shown).
     */
    public List<EntryView> search(TenantId tenant, Reader reader, LibraryQuery query,
                                  Collection<String> organisations) {
        List<LibraryEntry> found = new ArrayList<>();
        for (String organisation : Set.copyOf(Require.list("organisations", organisations))) {
            entries.ofOrganisation(tenant, organisation).documents().forEach(stored -> found.add(stored.value()));
        }
        return Library.search(found, reader, query);
    }

    private Versioned<LibraryEntry> save(TenantId tenant, LibraryEntry entry) {
        Versioned<LibraryEntry> saved = entries.save(tenant, Versioned.unsaved(entry)).orElseThrow();
        events.on(LibraryEvent.published(entry));
        return saved;
    }
}
