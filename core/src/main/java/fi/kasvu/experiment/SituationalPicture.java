package fi.kasvu.experiment;

import fi.kasvu.common.PersonId;
import fi.kasvu.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The first step: what works, what is hard and what members observe, gathered from several members. */
public record SituationalPicture(List<PictureEntry> entries) {

    /** The fewest different contributors a picture needs before the team moves on. */
    public static final int MIN_CONTRIBUTORS = 2;

    /**
     * @throws NullPointerException     naming the index of a missing entry
     * @throws IllegalArgumentException if two entries share an id
     */
    public SituationalPicture {
        entries = Require.list("entries", entries);
        if (entries.stream().map(PictureEntry::id).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("entries must have distinct ids: "
                    + entries.stream().map(PictureEntry::id).toList());
        }
    }

    /** A picture nobody has contributed to yet. */
    public static SituationalPicture empty() {
        return new SituationalPicture(List.of());
    }

    /** The people who have contributed. */
    public Set<PersonId> contributors() {
        return entries.stream().map(PictureEntry::author).collect(Collectors.toUnmodifiableSet());
    }

    /** The id the next entry gets: one past the highest numbered {@code pN} id. */
    String nextId() {
        int max = 0;
        for (PictureEntry entry : entries) {
            if (entry.id().matches("p\\d{1,9}")) {
                max = Math.max(max, Integer.parseInt(entry.id().substring(1)));
            }
        }
        return "p" + (max + 1);
    }

    SituationalPicture with(PictureEntry entry) {
        List<PictureEntry> copy = new ArrayList<>(entries);
        copy.add(entry);
        return new SituationalPicture(copy);
    }

    SituationalPicture without(String entryId) {
        return new SituationalPicture(entries.stream().filter(e -> !e.id().equals(entryId)).toList());
    }
}
