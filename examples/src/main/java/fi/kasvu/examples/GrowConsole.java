package fi.kasvu.examples;

import static fi.kasvu.examples.ConsoleTexts.text;

import fi.kasvu.common.IdGenerator;
import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.Result;
import fi.kasvu.grow.Action;
import fi.kasvu.grow.CheckIn;
import fi.kasvu.grow.GrowConversation;
import fi.kasvu.grow.GrowProblem;
import fi.kasvu.grow.GrowRules;
import fi.kasvu.grow.GrowTemplate;
import fi.kasvu.grow.GrowTemplates;
import fi.kasvu.grow.Option;
import fi.kasvu.grow.Participants;
import fi.kasvu.grow.Phase;
import fi.kasvu.i18n.GrowMessages;
import fi.kasvu.i18n.Question;
import fi.kasvu.i18n.QuestionBank;
import fi.kasvu.i18n.QuestionBankException;
import fi.kasvu.json.KasvuJson;
import fi.kasvu.json.KasvuJsonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A GROW coaching conversation in the terminal: asks the questions phase by phase in Finnish,
 * Swedish or English, saves the conversation as JSON after every answer, shows what is still
 * missing as friendly messages, and resumes from the file (then follows up the actions once the
 * conversation is complete). Reads standard input line by line, so it also works piped.
 */
@Command(name = "bin/run", mixinStandardHelpOptions = true, version = "Kasvu GROW console 0.1",
        description = "Walks you through a GROW coaching conversation (Goal, Reality, Options, Way forward) and saves it as JSON.")
public final class GrowConsole implements Callable<Integer> {

    /** Where the conversation is kept when no file is named. */
    static final Path DEFAULT_FILE = Path.of("data", "grow-conversation.json");

    @CommandLine.Option(names = "--lang", paramLabel = "fi|sv|en",
            description = "Language of the questions (default: the system's, else English).")
    private String lang;

    @CommandLine.Option(names = "--template", paramLabel = "ID",
            description = "Template for a new conversation: personal-development (default), development-discussion, "
                    + "expert-or-supervisor, newcomer-onboarding.")
    private String template;

    @CommandLine.Option(names = "--file", paramLabel = "FILE",
            description = "Where to save; continued if it exists (default: ./data/grow-conversation.json).")
    private Path file;

    @CommandLine.Option(names = "--resume", paramLabel = "FILE", description = "Continue the conversation saved in FILE.")
    private Path resume;

    @CommandLine.Option(names = "--questions", paramLabel = "FILE",
            description = "An agency question bank file layered over the built-in questions (docs/question-bank.md).")
    private Path questions;

    @CommandLine.Option(names = "--coachee", paramLabel = "ID", defaultValue = "me",
            description = "Your id in the saved file (default: ${DEFAULT-VALUE}).")
    private String coachee;

    @CommandLine.Option(names = "--coach", paramLabel = "ID",
            description = "Your coach's or supervisor's id, for a new conversation held with one.")
    private String coach;

    private final BufferedReader in;
    private final PrintStream out;
    private final Clock clock;
    private final boolean echo;
    private final KasvuJson json = KasvuJson.create();

    private Language language;
    private QuestionBank bank;
    private GrowConversation conversation;
    private Path target;

    GrowConsole(InputStream in, PrintStream out, Clock clock, boolean echo) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.clock = clock;
        this.echo = echo;
    }

    /** Runs the console on standard input and output. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // Piped input is not shown by a terminal: echo it, so that the transcript reads as a dialogue.
        System.exit(run(args, System.in, out, Clock.systemDefaultZone(), System.console() == null));
    }

    /** Runs the console on the given streams and clock; returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, Clock clock, boolean echo) {
        CommandLine command = new CommandLine(new GrowConsole(in, out, clock, echo));
        PrintWriter writer = new PrintWriter(out, true);
        command.setOut(writer);
        command.setErr(writer);
        return command.execute(args);
    }

    /** Thrown when standard input ends: the conversation is saved and the console stops. */
    private static final class EndOfInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EndOfInput() {
            super(null, null, false, false);
        }
    }

    @Override
    public Integer call() throws IOException {
        language = lang == null ? Language.fromTag(Locale.getDefault().toLanguageTag()) : Language.ofCode(lang);
        target = resume != null ? resume : file != null ? file : DEFAULT_FILE;
        if (resume != null && !Files.exists(resume)) {
            out.println(text(language, "noFile", "file", resume));
            return 2;
        }
        bank = QuestionBank.builtIn();
        if (questions != null) {
            try (InputStream stream = Files.newInputStream(questions)) {
                bank = bank.withFile(questions.toString(), stream);
            } catch (QuestionBankException e) {
                out.println(e.getMessage());
                return 2;
            }
        }
        out.println(text(language, "welcome"));
        if (Files.exists(target)) {
            try {
                conversation = json.fromJson(Files.readString(target, StandardCharsets.UTF_8), GrowConversation.class);
            } catch (KasvuJsonException e) {
                out.println(text(language, "unreadable", "file", target, "problem", e.getMessage()));
                return 2;
            }
            if (lang != null) {
                conversation = conversation.withLanguage(language);
            } else {
                language = conversation.language();
            }
            out.println(text(language, "resumed", "title", templateOf(conversation).title().in(language)));
        } else {
            GrowTemplate chosen = template == null ? GrowTemplates.defaultTemplate() : GrowTemplates.byId(template).orElse(null);
            if (chosen == null) {
                out.println(text(language, "unknownTemplate", "template", template, "templates",
                        GrowTemplates.all().stream().map(GrowTemplate::id).collect(Collectors.joining(", "))));
                return 2;
            }
            Participants participants = coach == null ? Participants.alone(PersonId.of(coachee))
                    : Participants.coached(PersonId.of(coachee), PersonId.of(coach));
            conversation = GrowConversation.start(IdGenerator.uuids().next(), chosen, participants, language, clock);
            out.println(text(language, "started", "title", chosen.title().in(language)));
            out.println(chosen.description().in(language));
        }
        out.println(text(language, "savingTo", "file", target));
        out.println(text(language, "hint"));
        save();
        try {
            if (conversation.complete()) {
                followUp();
            } else {
                converse();
            }
        } catch (EndOfInput end) {
            save();
        }
        out.println();
        out.println(text(language, "bye", "file", target));
        return 0;
    }

    // ---- the conversation ----

    private void converse() throws IOException {
        List<GrowProblem> problems = List.of();
        while (!conversation.complete()) {
            Phase phase = conversation.currentPhase();
            if (problems.isEmpty()) {
                header(phase);
            }
            ask(phase, problems);
            Result<GrowConversation, GrowProblem> step =
                    phase == Phase.WILL ? conversation.completeAt(clock.instant()) : conversation.advance();
            if (step.isAccepted()) {
                conversation = step.orElseThrow();
                save();
                problems = List.of();
            } else {
                problems = step.problems().stream().filter(p -> p.phase() == phase).toList();
                if (problems.isEmpty()) {
                    problems = step.problems();
                    conversation = conversation.goTo(problems.get(0).phase()).orElseThrow();
                }
                out.println(text(language, "notYet"));
                problems.forEach(p -> out.println("  • " + GrowMessages.message(p, language)));
            }
        }
        out.println();
        out.println(text(language, "completed"));
        out.println(text(language, "summary", "goal", conversation.goal().sessionGoal(),
                "options", conversation.chosenOptions().stream().map(Option::text).collect(Collectors.joining("; ")),
                "commitment", conversation.will().commitment()));
        String shared = prompt(text(language, "share"));
        for (String number : shared.split("[,\\s]+")) {
            if (number.matches("[1-4]")) {
                conversation = conversation.share(Phase.values()[Integer.parseInt(number) - 1], true);
            }
        }
        save();
    }

    private void header(Phase phase) {
        out.println();
        out.println("== " + (phase.ordinal() + 1) + "/4 " + GrowMessages.phase(phase, language) + " ==");
        List<Question> own = bank.forTemplate(conversation.templateId(), phase);
        if (phase != Phase.REALITY && !own.isEmpty()) {
            out.println(text(language, "think"));
            own.stream().limit(3).forEach(q -> out.println("  – " + q.in(language)));
        }
    }

    private void ask(Phase phase, List<GrowProblem> problems) throws IOException {
        switch (phase) {
            case GOAL -> askGoal(problems);
            case REALITY -> askReality(problems);
            case OPTIONS -> askOptions(problems);
            case WILL -> askWill(problems);
        }
    }

    private boolean has(List<GrowProblem> problems, Class<? extends GrowProblem> type) {
        return problems.stream().anyMatch(type::isInstance);
    }

    private void askGoal(List<GrowProblem> problems) throws IOException {
        if (has(problems, GrowProblem.CoachMissing.class)) {
            String coach = required(text(language, "coach"));
            conversation = conversation.withSetting(conversation.mode(),
                    Participants.coached(conversation.coachee(), PersonId.of(coach.strip())));
            save();
        }
        if (conversation.topic().isBlank() && problems.isEmpty()) {
            conversation = conversation.withTopic(prompt(text(language, "topic")));
            save();
        }
        if (conversation.goal().sessionGoal().isBlank()) {
            conversation = conversation.withSessionGoal(required(text(language, "sessionGoal")));
            save();
            conversation = conversation.withLongTermGoal(prompt(text(language, "longTermGoal")));
            save();
        }
        if (conversation.goal().measures().isBlank()) {
            conversation = conversation.withMeasures(required(text(language, "measures")));
            save();
        }
        if ((conversation.goal().targetDate() == null && problems.isEmpty())
                || has(problems, GrowProblem.TargetDateBeforeStart.class)) {
            conversation = conversation.withTargetDate(date(text(language, "targetDate"), null, true));
            save();
        }
    }

    private void askReality(List<GrowProblem> problems) throws IOException {
        if (conversation.answersIn(Phase.REALITY).isEmpty() && conversation.reality().tried().isBlank()) {
            for (Question question : bank.forTemplate(conversation.templateId(), Phase.REALITY).stream().limit(2).toList()) {
                conversation = conversation.answer(Phase.REALITY, question.key(), prompt(question.in(language)));
                save();
            }
            conversation = conversation.withTried(prompt(text(language, "tried")));
            save();
        }
        if (conversation.reality().essentialInsight().isBlank()) {
            conversation = conversation.withEssentialInsight(required(text(language, "essential")));
            save();
        }
    }

    private void askOptions(List<GrowProblem> problems) throws IOException {
        boolean first = problems.isEmpty() && conversation.options().isEmpty();
        if (first || has(problems, GrowProblem.TooFewOptions.class)) {
            while (true) {
                String option = prompt(text(language, "option", "n", conversation.options().size() + 1));
                if (option.isBlank()) {
                    if (conversation.options().size() >= conversation.minimumOptions()) {
                        break;
                    }
                    out.println("  " + GrowMessages.message(new GrowProblem.TooFewOptions(conversation.minimumOptions(),
                            conversation.options().size()), language));
                    continue;
                }
                String id = conversation.nextOptionId();
                conversation = conversation.addOption(option.strip());
                save();
                Integer impact = number(text(language, "impact"), Option.MIN_RATING, Option.MAX_RATING, true);
                Integer feasibility = number(text(language, "feasibility"), Option.MIN_RATING, Option.MAX_RATING, true);
                conversation = conversation.updateOption(id, o -> o.rated(impact, feasibility));
                save();
            }
        }
        if (conversation.chosenOptions().isEmpty()) {
            List<Option> options = conversation.options();
            for (int i = 0; i < options.size(); i++) {
                Option o = options.get(i);
                out.println("  " + (i + 1) + ") " + o.text() + rating(o));
            }
            while (conversation.chosenOptions().isEmpty()) {
                String answer = required(text(language, "choose"));
                List<Integer> numbers = new ArrayList<>();
                for (String part : answer.split("[,\\s]+")) {
                    try {
                        numbers.add(Integer.parseInt(part));
                    } catch (NumberFormatException e) {
                        numbers.clear();
                        break;
                    }
                }
                if (numbers.isEmpty() || numbers.stream().anyMatch(n -> n < 1 || n > options.size())) {
                    out.println("  " + text(language, "badChoice", "max", options.size()));
                    continue;
                }
                for (int n : numbers) {
                    conversation = conversation.chooseOption(options.get(n - 1).id());
                }
                save();
            }
        }
    }

    private static String rating(Option o) {
        if (o.impact() == null && o.feasibility() == null) {
            return "";
        }
        return "  [" + (o.impact() == null ? "–" : o.impact()) + "/" + (o.feasibility() == null ? "–" : o.feasibility()) + "]";
    }

    private void askWill(List<GrowProblem> problems) throws IOException {
        for (GrowProblem problem : problems) {
            if (problem instanceof GrowProblem.ActionWithoutDate missing) {
                LocalDate due = date(conversation.action(missing.actionId()).what() + " – " + text(language, "actionDue").strip(), null, false);
                conversation = conversation.updateAction(missing.actionId(), a -> a.with(a.what(), a.who(), due));
                save();
            }
        }
        boolean first = problems.isEmpty() && conversation.will().actions().isEmpty();
        if (first || has(problems, GrowProblem.NoActions.class)) {
            while (true) {
                String what = prompt(text(language, "actionWhat"));
                if (what.isBlank()) {
                    if (!GrowRules.check(conversation, Phase.WILL).contains(new GrowProblem.NoActions())) {
                        break;
                    }
                    out.println("  " + GrowMessages.message(new GrowProblem.NoActions(), language));
                    continue;
                }
                String who = prompt(text(language, "actionWho"));
                LocalDate due = date(text(language, "actionDue"), null, false);
                conversation = conversation.addAction(what.strip(), who.strip(), due);
                save();
            }
            conversation = conversation.withObstacles(prompt(text(language, "obstacles")));
            save();
            conversation = conversation.withSupport(prompt(text(language, "support")));
            save();
        }
        if (conversation.will().commitment() == null) {
            conversation = conversation.withCommitment(number(text(language, "commitment"), 1, 10, false));
            save();
        }
        if (conversation.will().checkIns().isEmpty()) {
            LocalDate suggested = today().plusDays(templateOf(conversation).followUpDays());
            conversation = conversation.planCheckIn(date(text(language, "checkIn", "date", suggested), suggested, false));
            save();
        }
    }

    // ---- following up a completed conversation ----

    private void followUp() throws IOException {
        out.println(text(language, "followUp"));
        for (Action action : conversation.will().actions()) {
            if (action.status().ended()) {
                continue;
            }
            String answer = prompt(text(language, "actionStatus", "what", action.what(),
                    "due", action.dueDate() == null ? "–" : action.dueDate())).strip().toLowerCase(Locale.ROOT);
            if (answer.equals(text(language, "doneKey"))) {
                conversation = conversation.markActionDone(action.id(), today(), "");
                save();
            } else if (answer.equals(text(language, "droppedKey"))) {
                String reason = required(text(language, "dropReason"));
                conversation = conversation.dropAction(action.id(), today(), reason);
                save();
            }
        }
        String note = prompt(text(language, "progressNote"));
        if (!note.isBlank()) {
            CheckIn planned = conversation.will().checkIns().stream().filter(c -> !c.held()).findFirst().orElse(null);
            conversation = planned == null ? conversation.recordUnplannedCheckIn(today(), note)
                    : conversation.recordCheckIn(planned.id(), today(), note);
            save();
            LocalDate next = date(text(language, "nextCheckIn"), null, true);
            if (next != null) {
                conversation = conversation.planCheckIn(next);
                save();
            }
        }
    }

    // ---- input and output ----

    private String prompt(String question) throws IOException {
        out.print(question + "\n> ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new EndOfInput();
        }
        if (echo) {
            out.println(line);
        }
        return line.length() > 10_000 ? line.substring(0, 10_000) : line;
    }

    private String required(String question) throws IOException {
        String answer = prompt(question);
        while (answer.isBlank()) {
            answer = prompt(question);
        }
        return answer.strip();
    }

    private Integer number(String question, int min, int max, boolean optional) throws IOException {
        return parsed(question, optional, text -> {
            int value = Integer.parseInt(text);
            return value >= min && value <= max ? value : null;
        }, text(language, "badNumber", "min", min, "max", max));
    }

    private LocalDate date(String question, LocalDate defaultValue, boolean optional) throws IOException {
        LocalDate example = today().plusDays(7);
        LocalDate value = parsed(question, optional || defaultValue != null, LocalDate::parse,
                text(language, "badDate", "example", example));
        return value == null ? defaultValue : value;
    }

    private <T> T parsed(String question, boolean optional, Parser<T> parser, String complaint) throws IOException {
        while (true) {
            String answer = prompt(question).strip();
            if (answer.isEmpty() && optional) {
                return null;
            }
            try {
                T value = answer.isEmpty() ? null : parser.parse(answer);
                if (value != null) {
                    return value;
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // fall through to the complaint
            }
            out.println("  " + complaint);
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static GrowTemplate templateOf(GrowConversation c) {
        return GrowTemplates.byId(c.templateId()).orElse(GrowTemplates.defaultTemplate());
    }

    /** Writes the conversation, stamped now, to the target file through a temporary file, so a crash never leaves half a file. */
    private void save() throws IOException {
        conversation = conversation.touched(clock.instant());
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, json.toJson(conversation), StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
