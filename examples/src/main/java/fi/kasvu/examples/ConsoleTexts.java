package fi.kasvu.examples;

import fi.kasvu.common.Language;
import fi.kasvu.common.LocalizedText;
import java.util.Map;

/** The console's own words in fi, sv and en; phase titles and rule messages come from core. */
final class ConsoleTexts {

    private static final Map<String, LocalizedText> TEXTS = Map.ofEntries(
            Map.entry("welcome", LocalizedText.of("Kasvu – GROW-valmennuskeskustelu", "Kasvu – GROW-coachningssamtal", "Kasvu – a GROW coaching conversation")),
            Map.entry("started", LocalizedText.of("Uusi keskustelu: {title}", "Nytt samtal: {title}", "New conversation: {title}")),
            Map.entry("resumed", LocalizedText.of("Jatketaan tallennettua keskustelua: {title}", "Vi fortsätter det sparade samtalet: {title}", "Continuing your saved conversation: {title}")),
            Map.entry("savingTo", LocalizedText.of("Kirjoittamasi tallentuu jokaisen vastauksen jälkeen tiedostoon {file}. Vastaukset ovat vain sinun, ellet itse päätä jakaa niitä.",
                    "Det du skriver sparas efter varje svar i filen {file}. Svaren är bara dina, om du inte själv väljer att dela dem.",
                    "Your answers are saved after each one to {file}. They are yours alone unless you choose to share them.")),
            Map.entry("hint", LocalizedText.of("Tyhjä rivi ohittaa vapaaehtoisen kysymyksen. Ctrl-D keskeyttää; voit jatkaa myöhemmin.",
                    "En tom rad hoppar över en frivillig fråga. Ctrl-D avbryter; du kan fortsätta senare.",
                    "An empty line skips an optional question. Ctrl-D stops; you can continue later.")),
            Map.entry("think", LocalizedText.of("Pohdittavaksi:", "Att fundera på:", "To think about:")),
            Map.entry("topic", LocalizedText.of("Keskustelun aihe muutamalla sanalla", "Samtalets ämne med några ord", "The topic in a few words")),
            Map.entry("coach", LocalizedText.of("Kuka on valmentajasi tai esihenkilösi? (nimi tai tunnus)", "Vem är din coach eller chef? (namn eller id)", "Who is your coach or supervisor? (name or id)")),
            Map.entry("sessionGoal", LocalizedText.of("Mitä haluat saada aikaan tämän keskustelun aikana?", "Vad vill du få ut av det här samtalet?", "What do you want to get out of this conversation?")),
            Map.entry("longTermGoal", LocalizedText.of("Entä pidemmän aikavälin tavoitteesi? (vapaaehtoinen)", "Och ditt mål på längre sikt? (frivilligt)", "And your longer-term goal? (optional)")),
            Map.entry("measures", LocalizedText.of("Mistä tiedät, että tavoite on saavutettu?", "Hur vet du att målet är nått?", "How will you know the goal is reached?")),
            Map.entry("targetDate", LocalizedText.of("Mihin mennessä? (VVVV-KK-PP, vapaaehtoinen)", "Till när? (ÅÅÅÅ-MM-DD, frivilligt)", "By when? (YYYY-MM-DD, optional)")),
            Map.entry("tried", LocalizedText.of("Mitä olet jo kokeillut?", "Vad har du redan prövat?", "What have you already tried?")),
            Map.entry("essential", LocalizedText.of("Mikä kaikesta tästä on juuri nyt olennaisinta?", "Vad är det viktigaste i allt det här just nu?", "Of all this, what matters most right now?")),
            Map.entry("option", LocalizedText.of("Vaihtoehto {n} (tyhjä rivi, kun et keksi enempää)", "Alternativ {n} (tom rad när du inte kommer på fler)", "Option {n} (an empty line when you have no more)")),
            Map.entry("impact", LocalizedText.of("  Kuinka paljon se auttaisi, 1–5? (vapaaehtoinen)", "  Hur mycket skulle det hjälpa, 1–5? (frivilligt)", "  How much would it help, 1–5? (optional)")),
            Map.entry("feasibility", LocalizedText.of("  Kuinka helppo se on toteuttaa, 1–5? (vapaaehtoinen)", "  Hur lätt är det att genomföra, 1–5? (frivilligt)", "  How doable is it, 1–5? (optional)")),
            Map.entry("choose", LocalizedText.of("Minkä vaihtoehdon tai mitkä valitset? Numerot pilkulla erotettuina, esim. 1,3",
                    "Vilket eller vilka alternativ väljer du? Nummer åtskilda med komma, t.ex. 1,3",
                    "Which option or options do you choose? Numbers separated by commas, e.g. 1,3")),
            Map.entry("badChoice", LocalizedText.of("Anna vaihtoehtojen numeroita väliltä 1–{max}.", "Ange alternativens nummer mellan 1 och {max}.", "Give option numbers from 1 to {max}.")),
            Map.entry("actionWhat", LocalizedText.of("Mitä teet? (tyhjä rivi, kun teot on kirjattu)", "Vad gör du? (tom rad när åtgärderna är skrivna)", "What will you do? (an empty line when your actions are written)")),
            Map.entry("actionWho", LocalizedText.of("  Kuka tekee? (tyhjä = minä)", "  Vem gör det? (tom = jag)", "  Who does it? (empty = me)")),
            Map.entry("actionDue", LocalizedText.of("  Mihin mennessä? (VVVV-KK-PP)", "  Till när? (ÅÅÅÅ-MM-DD)", "  By when? (YYYY-MM-DD)")),
            Map.entry("obstacles", LocalizedText.of("Mikä voi tulla esteeksi? (vapaaehtoinen)", "Vad kan komma i vägen? (frivilligt)", "What might get in the way? (optional)")),
            Map.entry("support", LocalizedText.of("Mitä tukea tarvitset, ja keneltä? (vapaaehtoinen)", "Vilket stöd behöver du, och av vem? (frivilligt)", "What support do you need, and from whom? (optional)")),
            Map.entry("commitment", LocalizedText.of("Kuinka sitoutunut olet asteikolla 1–10?", "Hur engagerad är du på en skala från 1 till 10?", "How committed are you, on a scale of 1 to 10?")),
            Map.entry("checkIn", LocalizedText.of("Milloin katsot, miten olet edistynyt? (VVVV-KK-PP, tyhjä = {date})", "När ser du över hur det har gått? (ÅÅÅÅ-MM-DD, tom = {date})", "When will you look at how it is going? (YYYY-MM-DD, empty = {date})")),
            Map.entry("badDate", LocalizedText.of("Kirjoita päivämäärä muodossa VVVV-KK-PP, esimerkiksi {example}.", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel {example}.", "Write the date as YYYY-MM-DD, for example {example}.")),
            Map.entry("badNumber", LocalizedText.of("Anna kokonaisluku väliltä {min}–{max}.", "Ange ett heltal mellan {min} och {max}.", "Give a whole number from {min} to {max}.")),
            Map.entry("notYet", LocalizedText.of("Vielä puuttuu:", "Det här fattas ännu:", "Still missing:")),
            Map.entry("share", LocalizedText.of("Haluatko jakaa jotain valmentajallesi tai opettajallesi? He näkevät aina vain edistymisesi. Vaiheiden numerot (1 tavoite, 2 nykytila, 3 vaihtoehdot, 4 tekeminen), tyhjä = ei mitään",
                    "Vill du dela något med din coach eller lärare? De ser annars bara hur långt du har kommit. Fasernas nummer (1 mål, 2 nuläge, 3 alternativ, 4 vägen framåt), tom = inget",
                    "Would you like to share anything with your coach or teacher? Otherwise they only see your progress. Phase numbers (1 goal, 2 reality, 3 options, 4 way forward), empty = nothing")),
            Map.entry("completed", LocalizedText.of("Keskustelu on valmis. Hienoa työtä – nyt tekemään!", "Samtalet är klart. Bra jobbat – nu kör vi!", "Your conversation is complete. Well done – now over to action!")),
            Map.entry("summary", LocalizedText.of("Tavoite: {goal}\nValitut vaihtoehdot: {options}\nSitoutuminen: {commitment}/10",
                    "Mål: {goal}\nValda alternativ: {options}\nEngagemang: {commitment}/10",
                    "Goal: {goal}\nChosen options: {options}\nCommitment: {commitment}/10")),
            Map.entry("followUp", LocalizedText.of("Keskustelu on valmis. Katsotaan, miten tekosi etenevät.", "Samtalet är klart. Vi ser hur det går med dina åtgärder.", "Your conversation is complete. Let's see how your actions are going.")),
            Map.entry("actionStatus", LocalizedText.of("{what} ({due}): [t] tehty, [l] luovuttu, tyhjä = kesken", "{what} ({due}): [k] klar, [s] slopad, tom = pågår", "{what} ({due}): [d] done, [x] dropped, empty = still open")),
            Map.entry("doneKey", LocalizedText.of("t", "k", "d")),
            Map.entry("droppedKey", LocalizedText.of("l", "s", "x")),
            Map.entry("dropReason", LocalizedText.of("  Miksi luovuit siitä? Sekin on oppimista.", "  Varför släppte du den? Också det är lärande.", "  Why did you drop it? That is learning too.")),
            Map.entry("progressNote", LocalizedText.of("Miten olet edistynyt? (tyhjä = ei seurantamerkintää nyt)", "Hur har det gått? (tom = ingen uppföljning nu)", "How have you been getting on? (empty = no check-in now)")),
            Map.entry("nextCheckIn", LocalizedText.of("Milloin seuraavan kerran? (VVVV-KK-PP, tyhjä = ei sovita nyt)", "När nästa gång? (ÅÅÅÅ-MM-DD, tom = bestäms inte nu)", "When next? (YYYY-MM-DD, empty = not now)")),
            Map.entry("bye", LocalizedText.of("Tallennettu: {file}. Jatka myöhemmin samalla komennolla.", "Sparat: {file}. Fortsätt senare med samma kommando.", "Saved: {file}. Continue later with the same command.")),
            Map.entry("unreadable", LocalizedText.of("Tiedostoa {file} ei voi lukea: {problem}", "Filen {file} kan inte läsas: {problem}", "Cannot read {file}: {problem}")),
            Map.entry("noFile", LocalizedText.of("Tiedostoa {file} ei ole.", "Filen {file} finns inte.", "There is no file {file}.")),
            Map.entry("unknownTemplate", LocalizedText.of("Tuntematon pohja {template}. Vaihtoehdot: {templates}", "Okänd mall {template}. Alternativ: {templates}", "Unknown template {template}. Choose from: {templates}")));

    private ConsoleTexts() {
    }

    /** The text for the key in the language, with {@code {name}} placeholders filled from name/value pairs. */
    static String text(Language language, String key, Object... namesAndValues) {
        LocalizedText text = TEXTS.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no console text: " + key);
        }
        String result = text.in(language);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            result = result.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return result;
    }
}
