package fi.kasvu.i18n;

import fi.kasvu.common.Language;
import fi.kasvu.peer.GroupKind;
import fi.kasvu.peer.GroupingKey;
import fi.kasvu.peer.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What organisers read of a group formation's reasons ({@link Reason}: its findings, each group's
 * explanation, the hard constraints a group breaks, why someone was left out), in fi, sv and en, with the reason's values filled in.
 * The English is what the command line prints and the JSON file keeps beside the typed reasons.
 */
public final class PeerMessages {

    /** One reason's sentence in one language, from its arguments. */
    private record Words(BiFunction<Args, Language, String> text) {
    }

    /** A reason's arguments as a sentence needs them. */
    private record Args(Reason reason) {
        String s(String name) {
            return reason.get(name);
        }

        int n(String name) {
            return Integer.parseInt(reason.get(name));
        }

        /** A score (kept with a decimal point) as the language writes decimals. */
        String decimal(String name, Language language) {
            String value = reason.get(name);
            return language == Language.EN ? value : value.replace('.', ',');
        }

        /** Language codes ("sv,en") as a list joined by the language's "or". */
        String languages(Language language) {
            return languages("languages", language);
        }

        String languages(String name, Language language) {
            List<String> codes = Arrays.asList(reason.get(name).split(","));
            return String.join(pick(language, " tai ", " eller ", " or "), codes);
        }
    }

    private static final Map<String, Words> REASONS = Map.ofEntries(
            // ---- findings ----
            Map.entry("peer.finding.none", words((a, l) -> pick(l,
                    "Ryhmiä ei muodostettu: osallistujia on " + a.s("participants")
                            + ", eikä heistä voinut muodostaa yhtään ryhmää.",
                    "Inga grupper bildades: deltagarna är " + a.s("participants")
                            + ", och ingen grupp kunde bildas av dem.",
                    "No groups were formed: " + a.s("participants") + " participants, none who could form a group."))),
            Map.entry("peer.finding.sizes", words((a, l) -> {
                String sizes = a.s("sizes");
                return pick(l,
                        "Osallistujia " + a.s("participants") + ", ryhmiä " + a.s("groups") + " (kokosääntö "
                                + a.s("min") + "–" + a.s("max") + ", tavoite " + a.s("target") + ")"
                                + (sizes.isEmpty() ? "" : ": ryhmäkoot " + sizes(sizes, l)) + ".",
                        "Deltagare " + a.s("participants") + ", grupper " + a.s("groups") + " (storleksregel "
                                + a.s("min") + "–" + a.s("max") + ", mål " + a.s("target") + ")"
                                + (sizes.isEmpty() ? "" : ": gruppstorlekar " + sizes(sizes, l)) + ".",
                        a.s("participants") + " participants form " + plural(a.n("groups"), "group", "groups")
                                + " (size rule " + a.s("min") + ".." + a.s("max") + " (target " + a.s("target") + "))"
                                + (sizes.isEmpty() ? "" : ": " + sizes(sizes, l)) + ".");
            })),
            Map.entry("peer.finding.reverseSizes", words((a, l) -> {
                int outside = a.n("outside");
                return pick(l,
                        "Esihenkilöitä " + a.s("supervisors") + " ja uusia työntekijöitä " + a.s("newcomers")
                                + ": ryhmiä " + a.s("groups") + ", kussakin " + a.s("minSupervisors") + "–"
                                + a.s("maxSupervisors") + " esihenkilöä ja " + a.s("minNewcomers") + "–"
                                + a.s("maxNewcomers") + " uutta työntekijää"
                                + (outside == 0 ? "." : "; näillä määrillä kiintiöstä poiketaan väistämättä "
                                + outside + " kertaa."),
                        "Chefer " + a.s("supervisors") + " och nyanställda " + a.s("newcomers") + ": grupper "
                                + a.s("groups") + " med " + a.s("minSupervisors") + "–" + a.s("maxSupervisors")
                                + " chefer och " + a.s("minNewcomers") + "–" + a.s("maxNewcomers")
                                + " nyanställda i varje"
                                + (outside == 0 ? "." : "; med dessa antal går det inte att undvika " + outside
                                + " avvikelser från kvoten."),
                        a.s("supervisors") + " supervisors and " + a.s("newcomers") + " newcomers form "
                                + plural(a.n("groups"), "group", "groups") + " with " + a.s("minSupervisors") + ".."
                                + a.s("maxSupervisors") + " supervisors and " + a.s("minNewcomers") + ".."
                                + a.s("maxNewcomers") + " newcomers each"
                                + (outside == 0 ? "." : "; " + outside
                                + " quota shortfalls or excesses cannot be avoided with these numbers."));
            })),
            Map.entry("peer.finding.noSites", words((a, l) -> pick(l,
                    "Alueellista monimuotoisuutta ei pisteytetä: kenellekään osallistujalle ei ole merkitty "
                            + "toimipaikkaa.",
                    "Regional mångfald poängsätts inte: ingen deltagare har en ort.",
                    "Region diversity is not scored: no participant has a site."))),
            Map.entry("peer.finding.noInterests", words((a, l) -> pick(l,
                    "Yhteisiä kiinnostuksen kohteita ei pisteytetä: kukaan osallistuja ei ole kertonut "
                            + "kiinnostuksen kohteitaan.",
                    "Gemensamma intressen poängsätts inte: ingen deltagare har angett något intresse.",
                    "Shared interests are not scored: no participant lists an interest."))),
            Map.entry("peer.finding.keyCrowded", words((a, l) -> {
                GroupingKey key = GroupingKey.valueOf(a.s("key"));
                String word = key.word();
                int repeating = a.n("repeating");
                return pick(l,
                        a.s("name") + " (" + keyFi(key) + "): " + a.s("count") + "/" + a.s("participants")
                                + " osallistujaa. Ryhmiä on enintään " + a.s("groups") + ", joten vähintään "
                                + a.s("excess") + " heistä on ryhmässä saman " + keyFiGenitive(key)
                                + " kollegan kanssa, ja vähintään " + repeating + " ryhmässä on kaksi samasta "
                                + keyFiElative(key) + ".",
                        a.s("name") + " (" + keySv(key) + "): " + a.s("count") + "/" + a.s("participants")
                                + " deltagare. Det finns högst " + a.s("groups") + " grupper, så minst "
                                + a.s("excess") + " av dem hamnar i grupp med en kollega från samma " + keySv(key)
                                + ", och minst " + repeating + " grupper har två från samma " + keySv(key) + ".",
                        word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1) + " "
                                + a.s("name") + " has " + a.s("count") + " of " + a.s("participants")
                                + " participants; at most " + a.s("groups") + " " + nounEn(GroupKind.valueOf(a.s("kind")))
                                + " can hold distinct " + word + "s, so at least " + a.s("excess")
                                + " of them share a group with a colleague from " + a.s("name") + " and at least "
                                + repeating + (repeating == 1 ? " group repeats" : " groups repeat") + " "
                                + (key == GroupingKey.ORGANISATION ? "an " : "a ") + word + ".");
            })),
            Map.entry("peer.finding.language", words((a, l) -> {
                int count = a.n("count");
                int partners = a.n("partners");
                return pick(l,
                        "Vain kielellä " + a.languages(l) + " työskenteleviä osallistujia on " + count
                                + ", ja muita, joilla on jokin näistä kielistä, on " + partners + ". "
                                + a.s("minSize") + " hengen ryhmä tarvitsee yhteisen kielen, joten ainakin yksi "
                                + "ryhmä muodostetaan ilman sitä.",
                        "Deltagare som bara arbetar på " + a.languages(l) + ": " + count
                                + "; andra som delar något av språken: " + partners + ". En grupp på "
                                + a.s("minSize") + " behöver ett gemensamt språk, så minst en grupp måste bildas "
                                + "utan ett.",
                        count + (count == 1 ? " participant works" : " participants work") + " only in "
                                + a.languages(l) + ", and " + partners
                                + (partners == 1 ? " other participant shares" : " other participants share")
                                + " one of those languages; a group of " + a.s("minSize")
                                + " needs a language in common, so at least one group must be formed without one.");
            })),
            Map.entry("peer.finding.allHold", words((a, l) -> pick(l,
                    "Kaikki ehdottomat ehdot täyttyvät kaikissa ryhmissä (" + a.s("groups") + ").",
                    "Alla ovillkorliga villkor uppfylls i alla grupper (" + a.s("groups") + ").",
                    "Every hard constraint holds in all " + a.s("groups") + " groups."))),
            Map.entry("peer.finding.violating", words((a, l) -> pick(l,
                    "Ryhmistä " + a.s("violating") + "/" + a.s("groups") + " rikkoo ehdotonta ehtoa (rikkomuksia "
                            + a.s("violations") + ", kukin ryhmänsä kohdalla); tämä on paras löydetty ryhmittely, "
                            + "kun näistä ehdoista jouduttiin joustamaan.",
                    a.s("violating") + " av " + a.s("groups") + " grupper bryter mot ett ovillkorligt villkor ("
                            + a.s("violations") + " avvikelser, var och en vid sin grupp); detta är den bästa "
                            + "gruppindelning som hittades när villkoren luckrades upp.",
                    a.s("violating") + " of " + a.s("groups") + " groups break a hard constraint ("
                            + a.s("violations") + " violations, each listed with its group); this is the best "
                            + "grouping found with those constraints relaxed."))),
            Map.entry("peer.finding.score", words((a, l) -> pick(l,
                    "Koko joukon pistemäärä " + a.decimal("cohort", l) + ", yläraja " + a.decimal("bound", l)
                            + " (ero " + a.decimal("gap", l) + "); hakuvaiheita " + a.s("steps") + ".",
                    "Helhetspoäng " + a.decimal("cohort", l) + " av en övre gräns " + a.decimal("bound", l)
                            + " (skillnad " + a.decimal("gap", l) + ") efter " + a.s("steps") + " söksteg.",
                    "Cohort score " + a.s("cohort") + " of an upper bound " + a.s("bound") + " (gap " + a.s("gap")
                            + ") after " + a.s("steps") + " search steps."))),
            Map.entry("peer.finding.evaluated", words((a, l) -> pick(l,
                    "Arvioitu ryhmittely: pistemäärä " + a.decimal("cohort", l) + ", yläraja "
                            + a.decimal("bound", l) + "; rikkomuksia " + a.s("violations") + ".",
                    "Utvärderad gruppindelning: helhetspoäng " + a.decimal("cohort", l) + " av en övre gräns "
                            + a.decimal("bound", l) + "; " + a.s("violations") + " avvikelser.",
                    "Evaluated grouping: cohort score " + a.s("cohort") + " of an upper bound " + a.s("bound") + "; "
                            + a.s("violations") + " violations."))),
            Map.entry("peer.finding.poolCapacity", words((a, l) -> {
                int shortBy = a.n("short");
                return pick(l,
                        "Uusia työntekijöitä " + a.s("newcomers") + ", perehdyttäjiä " + a.s("onboarders")
                                + ", paikkoja yhteensä " + a.s("capacity")
                                + (shortBy > 0 ? "; vähintään " + shortBy + " uutta työntekijää jää ilman paikkaa." : "."),
                        "Nyanställda " + a.s("newcomers") + ", introduktörer " + a.s("onboarders")
                                + ", sammanlagt " + a.s("capacity") + " platser"
                                + (shortBy > 0 ? "; minst " + shortBy + " nyanställda kan inte placeras." : "."),
                        a.s("newcomers") + " newcomers, " + a.s("onboarders") + " onboarders with a capacity of "
                                + a.s("capacity") + " in all"
                                + (shortBy > 0 ? "; at least " + shortBy + " newcomers cannot be placed." : "."));
            })),
            Map.entry("peer.finding.poolIdle", words((a, l) -> {
                int idle = a.n("idle");
                return pick(l,
                        "Perehdyttäjiä ilman uutta työntekijää tällä kierroksella: " + idle + ".",
                        "Introduktörer utan nyanställd den här omgången: " + idle + ".",
                        idle + (idle == 1 ? " onboarder has" : " onboarders have") + " no newcomer this round.");
            })),
            Map.entry("peer.finding.poolScore", words((a, l) -> pick(l,
                    "Pisteitä " + a.decimal("cohort", l) + " uutta työntekijää kohden, yläraja " + a.decimal("bound", l)
                            + " (jokaisella paras mahdollinen perehdyttäjä, paikkamäärästä välittämättä).",
                    "Poäng " + a.decimal("cohort", l) + " per nyanställd av en övre gräns " + a.decimal("bound", l)
                            + " (var och en med bästa möjliga introduktör, utan hänsyn till platserna).",
                    "Score " + a.s("cohort") + " per newcomer of an upper bound " + a.s("bound")
                            + " (each newcomer with their best possible onboarder, capacity ignored)."))),
            // ---- why someone was left out ----
            Map.entry("peer.unassigned.roleNeither", words((a, l) -> pick(l,
                    "käänteinen mentorointi yhdistää esihenkilöt ja uudet työntekijät; rooli " + a.s("role")
                            + " ei ole kumpikaan",
                    "omvänt mentorskap för samman chefer och nyanställda; rollen " + a.s("role") + " är ingetdera",
                    "reverse mentoring brings supervisors and newcomers together; role " + a.s("role")
                            + " is neither"))),
            Map.entry("peer.unassigned.reverseNeedsBoth", words((a, l) -> pick(l,
                    "käänteinen mentorointi tarvitsee sekä esihenkilöitä että uusia työntekijöitä, mutta "
                            + "esihenkilöitä on " + a.s("supervisors") + " ja uusia työntekijöitä " + a.s("newcomers"),
                    "omvänt mentorskap behöver både chefer och nyanställda, men det finns " + a.s("supervisors")
                            + " chefer och " + a.s("newcomers") + " nyanställda",
                    "reverse mentoring needs both supervisors and newcomers, but there are " + a.s("supervisors")
                            + " supervisors and " + a.s("newcomers") + " newcomers"))),
            Map.entry("peer.unassigned.alone", words((a, l) -> pick(l,
                    "yhden hengen ryhmää ei muodosteta, eikä ketään muuta ole jäljellä",
                    "en grupp med en enda person bildas aldrig, och ingen annan finns kvar",
                    "a group of one is never formed, and nobody else is left to join"))),
            Map.entry("peer.unassigned.notEvaluated", words((a, l) -> pick(l,
                    "ei mukana arvioidussa ryhmittelyssä",
                    "inte med i den utvärderade gruppindelningen",
                    "not in the grouping evaluated"))),
            Map.entry("peer.unassigned.noOnboarderLanguage", words((a, l) -> pick(l,
                    "yksikään perehdyttäjä ei työskentele kielellä " + a.languages(l) + "; perehdyttäjiä yhteensä "
                            + a.s("onboarders"),
                    "ingen introduktör arbetar på " + a.languages(l) + "; introduktörer sammanlagt "
                            + a.s("onboarders"),
                    "no onboarder works in " + a.languages(l) + "; " + a.s("onboarders") + " onboarders in all"))),
            Map.entry("peer.unassigned.onboardersFull", words((a, l) -> pick(l,
                    "kaikki perehdyttäjät, joilla on yhteinen kieli hänen kanssaan (" + a.s("eligible")
                            + "), ovat täynnä (paikkoja yhteensä " + a.s("capacity") + ")",
                    "alla introduktörer som delar ett språk med personen (" + a.s("eligible")
                            + ") är fullbokade (sammanlagt " + a.s("capacity") + " platser)",
                    "all " + a.s("eligible") + " onboarders who share a language with them are full (capacity "
                            + a.s("capacity") + " in all)"))),
            Map.entry("peer.unassigned.notPlaced", words((a, l) -> pick(l,
                    "ei sijoitettu perehdyttäjälle",
                    "inte placerad hos en introduktör",
                    "not placed with an onboarder"))),
            // ---- a group's explanation ----
            Map.entry("peer.group.composition", words((a, l) -> {
                int met = a.n("met");
                String interests = a.s("interests");
                return pick(l,
                        "Jäseniä " + a.s("size") + ", organisaatioita " + a.s("organisations") + ", toimipaikkoja "
                                + a.s("sites") + "; yhteinen kiinnostuksen kohde " + a.s("shared") + "/"
                                + a.s("pairs") + " parilla" + (interests.isEmpty() ? "" : " (" + interests + ")")
                                + "; " + (met == 0 ? "kaikki tapaavat ensimmäistä kertaa"
                                : met + "/" + a.s("pairs") + " paria on tavannut aiemmalla kierroksella") + ".",
                        "Medlemmar " + a.s("size") + ", organisationer " + a.s("organisations") + ", orter "
                                + a.s("sites") + "; " + a.s("shared") + " av " + a.s("pairs")
                                + " par delar ett intresse" + (interests.isEmpty() ? "" : " (" + interests + ")")
                                + "; " + (met == 0 ? "alla träffas för första gången"
                                : met + " av " + a.s("pairs") + " par har träffats under en tidigare omgång") + ".",
                        a.s("size") + " members from " + plural(a.n("organisations"), "organisation", "organisations")
                                + " and " + plural(a.n("sites"), "site", "sites") + "; " + a.s("shared") + " of "
                                + a.s("pairs") + " pairs share an interest"
                                + (interests.isEmpty() ? "" : " (" + interests + ")") + "; "
                                + (met == 0 ? "everyone meets for the first time"
                                : met + " of " + a.s("pairs") + " pairs have met in an earlier round") + ".");
            })),
            Map.entry("peer.group.offTarget", words((a, l) -> {
                String why = switch (a.s("why")) {
                    case "outside" -> pick(l,
                            ", eikä mikään jako pidä kaikkia ryhmiä rajoissa " + a.s("min") + "–" + a.s("max"),
                            ", och ingen indelning håller alla grupper inom " + a.s("min") + "–" + a.s("max"),
                            ", and no division keeps every group within " + a.s("min") + ".." + a.s("max"));
                    case "larger" -> pick(l,
                            "; suurempi ryhmä on parempi kuin alle " + a.s("min") + " hengen ryhmä",
                            "; en större grupp föredras framför en under " + a.s("min"),
                            "; a larger group is preferred to one below " + a.s("min"));
                    default -> "";
                };
                return pick(l,
                        a.s("size") + " jäsentä tavoitteen " + a.s("target") + " sijaan: " + a.s("participants")
                                + " osallistujaa ei jakaudu tasan " + a.s("target") + " hengen ryhmiin",
                        a.s("size") + " medlemmar i stället för " + a.s("target") + ": " + a.s("participants")
                                + " deltagare går inte jämnt upp i grupper om " + a.s("target"),
                        a.s("size") + " members rather than " + a.s("target") + ": " + a.s("participants")
                                + " participants do not divide into " + nounEn(GroupKind.valueOf(a.s("kind")))
                                + " of " + a.s("target")) + why + ".";
            })),
            Map.entry("peer.group.searchMoved", words((a, l) -> pick(l,
                    a.s("size") + " jäsentä tavoitteen " + a.s("target") + " sijaan: haku siirsi jäseniä ryhmien "
                            + "välillä kokosäännön " + a.s("min") + "–" + a.s("max") + " puitteissa, koska "
                            + "ryhmittely sai paremmat pisteet.",
                    a.s("size") + " medlemmar i stället för " + a.s("target") + ": sökningen flyttade medlemmar "
                            + "mellan grupper inom storleksregeln " + a.s("min") + "–" + a.s("max")
                            + " eftersom gruppindelningen fick bättre poäng.",
                    a.s("size") + " members rather than " + a.s("target") + ": the search moved members between "
                            + "groups within the size rule " + a.s("min") + ".." + a.s("max")
                            + " because the grouping scored better."))),
            Map.entry("peer.group.reverseUneven", words((a, l) -> pick(l,
                    "Esihenkilöitä " + a.s("groupSupervisors") + " ja uusia työntekijöitä " + a.s("groupNewcomers")
                            + ": " + a.s("supervisors") + " esihenkilöä ja " + a.s("newcomers")
                            + " uutta työntekijää ei jakaudu tasan " + a.s("groups") + " ryhmään.",
                    "Chefer " + a.s("groupSupervisors") + " och nyanställda " + a.s("groupNewcomers") + ": "
                            + a.s("supervisors") + " chefer och " + a.s("newcomers")
                            + " nyanställda går inte jämnt upp i " + a.s("groups") + " grupper.",
                    a.s("groupSupervisors") + " supervisors and " + a.s("groupNewcomers") + " newcomers: "
                            + a.s("supervisors") + " supervisors and " + a.s("newcomers")
                            + " newcomers do not divide evenly into " + a.s("groups") + " groups."))),
            Map.entry("peer.group.broken", words((a, l) -> {
                int count = a.n("count");
                return pick(l,
                        "Rikottuja ehdottomia ehtoja: " + count + "; katso rikkomukset.",
                        "Brutna ovillkorliga villkor: " + count + "; se avvikelserna.",
                        count + (count == 1 ? " hard constraint is" : " hard constraints are")
                                + " broken; see violations.");
            })),
            Map.entry("peer.group.pool", words((a, l) -> pick(l,
                    "Paikoista " + a.s("taken") + "/" + a.s("capacity") + " käytössä; uusista työntekijöistä "
                            + a.s("otherSite") + "/" + a.s("taken") + " työskentelee eri toimipaikassa kuin "
                            + "perehdyttäjä; " + a.s("shared") + "/" + a.s("taken")
                            + " jakaa kiinnostuksen kohteen perehdyttäjän kanssa.",
                    a.s("taken") + " av " + a.s("capacity") + " platser tagna; " + a.s("otherSite") + " av "
                            + a.s("taken") + " nyanställda arbetar på en annan ort än introduktören; "
                            + a.s("shared") + " av " + a.s("taken") + " delar ett intresse med introduktören.",
                    a.s("taken") + " of " + a.s("capacity") + " places taken; " + a.s("otherSite") + " of "
                            + a.s("taken") + " newcomers work at another site than the onboarder; " + a.s("shared")
                            + " of " + a.s("taken") + " share an interest with them."))),
            // ---- hard constraints a group breaks ----
            Map.entry("peer.violation.distinctKey", words((a, l) -> {
                GroupingKey key = GroupingKey.valueOf(a.s("key"));
                return pick(l,
                        a.s("count") + " jäsentä samasta " + keyFiElative(key) + " (" + a.s("name") + "): "
                                + a.s("members"),
                        a.s("count") + " medlemmar från samma " + keySv(key) + " (" + a.s("name") + "): "
                                + a.s("members"),
                        a.s("count") + " members from the same " + key.word() + " (" + a.s("name") + "): "
                                + a.s("members"));
            })),
            Map.entry("peer.violation.reportingLine", words((a, l) -> pick(l,
                    a.s("member") + " raportoi (suoraan tai välillisesti) henkilölle " + a.s("above"),
                    a.s("member") + " rapporterar (direkt eller indirekt) till " + a.s("above"),
                    a.s("member") + " is in the reporting line of " + a.s("above")))),
            Map.entry("peer.violation.sharedLanguage", words((a, l) -> pick(l,
                    "ei yhteistä kieltä: " + a.s("members"),
                    "inget gemensamt språk: " + a.s("members"),
                    "no language in common: " + a.s("members")))),
            Map.entry("peer.violation.roleQuota", words((a, l) -> pick(l,
                    "esihenkilöitä " + a.s("supervisors") + " ja uusia työntekijöitä " + a.s("newcomers")
                            + ", kun kiintiö on " + a.s("minSupervisors") + "–" + a.s("maxSupervisors")
                            + " esihenkilöä ja " + a.s("minNewcomers") + "–" + a.s("maxNewcomers")
                            + " uutta työntekijää",
                    "chefer " + a.s("supervisors") + " och nyanställda " + a.s("newcomers") + " där kvoten är "
                            + a.s("minSupervisors") + "–" + a.s("maxSupervisors") + " chefer och "
                            + a.s("minNewcomers") + "–" + a.s("maxNewcomers") + " nyanställda",
                    a.s("supervisors") + " supervisors and " + a.s("newcomers") + " newcomers where the quota is "
                            + a.s("minSupervisors") + ".." + a.s("maxSupervisors") + " supervisors and "
                            + a.s("minNewcomers") + ".." + a.s("maxNewcomers") + " newcomers"))),
            Map.entry("peer.violation.groupSize", words((a, l) -> pick(l,
                    a.s("size") + " jäsentä, kun kokosääntö on " + a.s("min") + "–" + a.s("max") + " (tavoite "
                            + a.s("target") + ")",
                    a.s("size") + " medlemmar där storleksregeln är " + a.s("min") + "–" + a.s("max") + " (mål "
                            + a.s("target") + ")",
                    a.s("size") + " members where the size rule is " + a.s("min") + ".." + a.s("max") + " (target "
                            + a.s("target") + ")"))),
            Map.entry("peer.violation.capacity", words((a, l) -> pick(l,
                    a.s("onboarder") + " perehdyttää " + a.s("count") + " uutta työntekijää, enemmän kuin hänen "
                            + a.s("capacity") + " paikkaansa.",
                    a.s("onboarder") + " introducerar " + a.s("count") + " nyanställda, fler än sina "
                            + a.s("capacity") + " platser.",
                    a.s("onboarder") + " onboards " + a.s("count") + " newcomers, above their capacity of "
                            + a.s("capacity") + "."))),
            Map.entry("peer.violation.poolLanguage", words((a, l) -> pick(l,
                    a.s("newcomer") + " (" + a.languages("newcomerLanguages", l) + ") ja " + a.s("onboarder") + " ("
                            + a.languages("onboarderLanguages", l) + "): ei yhteistä kieltä.",
                    a.s("newcomer") + " (" + a.languages("newcomerLanguages", l) + ") och " + a.s("onboarder") + " ("
                            + a.languages("onboarderLanguages", l) + ") har inget gemensamt språk.",
                    a.s("newcomer") + " (" + a.languages("newcomerLanguages", l) + ") and " + a.s("onboarder") + " ("
                            + a.languages("onboarderLanguages", l) + ") have no language in common."))),
            Map.entry(Reason.VERBATIM, words((a, l) -> a.s("text"))));

    private PeerMessages() {
    }

    /**
     * The reason in the language.
     *
     * @throws IllegalArgumentException if no words exist for the reason's code or it lacks an argument they need
     */
    public static String text(Reason reason, Language language) {
        Words words = REASONS.get(reason.code());
        if (words == null) {
            throw new IllegalArgumentException("no peer message for code: " + reason.code());
        }
        return words.text().apply(new Args(reason), language);
    }

    /** Several reasons (a group's explanation) as one text in the language, a sentence after another. */
    public static String text(List<Reason> reasons, Language language) {
        return reasons.stream().map(reason -> text(reason, language)).collect(Collectors.joining(" "));
    }

    /** Each reason in the language (a formation's findings). */
    public static List<String> texts(List<Reason> reasons, Language language) {
        List<String> texts = new ArrayList<>(reasons.size());
        reasons.forEach(reason -> texts.add(text(reason, language)));
        return List.copyOf(texts);
    }

    /** Whether words exist for the code. */
    public static boolean covers(String code) {
        return REASONS.containsKey(code);
    }

    private static Words words(BiFunction<Args, Language, String> text) {
        return new Words(text);
    }

    private static String pick(Language language, String fi, String sv, String en) {
        return switch (language) {
            case FI -> fi;
            case SV -> sv;
            case EN -> en;
        };
    }

    private static String plural(int count, String one, String other) {
        return count + " " + (count == 1 ? one : other);
    }

    /** Group sizes ("4:2,3:1": size, how many) as the language lists them. */
    private static String sizes(String sizes, Language language) {
        List<String> parts = new ArrayList<>();
        for (String part : sizes.split(",")) {
            String[] sizeAndCount = part.split(":");
            parts.add(language == Language.EN ? sizeAndCount[1] + " of " + sizeAndCount[0]
                    : sizeAndCount[1] + " × " + sizeAndCount[0]);
        }
        return String.join(", ", parts);
    }

    private static String nounEn(GroupKind kind) {
        return switch (kind) {
            case PEER_TRIAD -> "triads";
            case REVERSE_MENTORING -> "reverse-mentoring groups";
            case COACHING_GROUP -> "coaching groups";
            case ONBOARDING_POOL -> "onboarding groups";
        };
    }

    /** A grouping key's words: Finnish as a noun, in the genitive and the elative; Swedish. */
    private record KeyWords(String fi, String fiGenitive, String fiElative, String sv) {
    }

    private static final Map<GroupingKey, KeyWords> KEYS = Map.of(
            GroupingKey.ORGANISATION, new KeyWords("organisaatio", "organisaation", "organisaatiosta", "organisation"),
            GroupingKey.UNIT, new KeyWords("yksikkö", "yksikön", "yksiköstä", "enhet"),
            GroupingKey.SITE, new KeyWords("toimipaikka", "toimipaikan", "toimipaikasta", "ort"));

    private static String keyFi(GroupingKey key) {
        return KEYS.get(key).fi();
    }

    private static String keyFiGenitive(GroupingKey key) {
        return KEYS.get(key).fiGenitive();
    }

    private static String keyFiElative(GroupingKey key) {
        return KEYS.get(key).fiElative();
    }

    private static String keySv(GroupingKey key) {
        return KEYS.get(key).sv();
    }
}
