package fi.kasvu.peer;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic, seeded populations for formation tests and benchmarks: supervisors from many
 * organisations with a skewed size distribution, sites, languages (mostly Finnish, some Swedish
 * and English), interests, and a few reporting lines inside organisations.
 */
public final class Populations {

    /** Themes participants list as interests. */
    public static final List<String> THEMES = List.of("hybrid work", "change leadership", "wellbeing", "self-direction",
            "dialogue", "onboarding", "feedback", "experiments", "recruitment", "strategy", "customer work", "digitalisation",
            "development discussions", "conflict resolution", "expert or supervisor", "remote teams", "workload",
            "team goals", "coaching skills", "diversity", "ethics", "data and AI", "networks", "career paths");

    private static final List<String> SITES = List.of("Helsinki", "Tampere", "Turku", "Oulu", "Jyväskylä", "Kuopio",
            "Vaasa", "Rovaniemi", "Joensuu", "Lappeenranta", "Seinäjoki", "Mikkeli");

    private Populations() {
    }

    /** Seed-002 scale: 90 supervisors from 50 organisations. */
    public static List<Participant> mobility(long seed) {
        return generate(90, 50, seed, 0.0);
    }

    /**
     * {@code n} participants from {@code organisations} organisations (Zipf-like sizes, each at least
     * one), with {@code newcomerShare} of them newcomers and the rest supervisors.
     */
    public static List<Participant> generate(int n, int organisations, long seed, double newcomerShare) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weight = new double[organisations];
        double sum = 0;
        for (int o = 0; o < organisations; o++) {
            weight[o] = 1.0 / Math.sqrt(o + 1);
            sum += weight[o];
        }
        List<Participant> people = new ArrayList<>(n);
        List<List<PersonId>> byOrg = new ArrayList<>();
        for (int o = 0; o < organisations; o++) {
            byOrg.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            int o;
            if (i < organisations) {
                o = i;
            } else {
                double r = random.nextDouble() * sum;
                o = 0;
                while (o < organisations - 1 && (r -= weight[o]) > 0) {
                    o++;
                }
            }
            PersonId id = PersonId.of(String.format("p%05d", i + 1));
            List<Language> languages = new ArrayList<>();
            double l = random.nextDouble();
            if (l < 0.80) {
                languages.add(Language.FI);
                if (random.nextDouble() < 0.4) {
                    languages.add(Language.EN);
                }
                if (random.nextDouble() < 0.15) {
                    languages.add(Language.SV);
                }
            } else if (l < 0.93) {
                languages.add(Language.SV);
                languages.add(Language.FI);
            } else {
                languages.add(Language.EN);
                languages.add(Language.FI);
            }
            List<String> interests = new ArrayList<>();
            int count = 1 + random.nextInt(2);
            while (interests.size() < count) {
                String theme = THEMES.get(random.nextInt(THEMES.size()));
                if (!interests.contains(theme)) {
                    interests.add(theme);
                }
            }
            List<PersonId> colleagues = byOrg.get(o);
            PersonId manager = !colleagues.isEmpty() && random.nextDouble() < 0.2
                    ? colleagues.get(random.nextInt(colleagues.size())) : null;
            ParticipantRole role = random.nextDouble() < newcomerShare ? ParticipantRole.NEWCOMER : ParticipantRole.SUPERVISOR;
            people.add(new Participant(id, "Person " + (i + 1), "person" + (i + 1) + "@example.fi", "org-" + (o + 1),
                    "unit-" + (1 + random.nextInt(4)), SITES.get((o + (random.nextDouble() < 0.7 ? 0 : random.nextInt(SITES.size()))) % SITES.size()), role, languages,
                    manager, interests));
            colleagues.add(id);
        }
        return people;
    }

    /** One participant with the given organisation, languages and manager. */
    public static Participant person(String id, String organisation, List<Language> languages, String manager) {
        return new Participant(PersonId.of(id), "Name " + id, id + "@example.fi", organisation, "", "Helsinki",
                ParticipantRole.SUPERVISOR, languages, manager == null ? null : PersonId.of(manager), List.of());
    }
}
