package fi.kasvu.lms.cli;

import fi.kasvu.common.Language;
import fi.kasvu.common.Result;
import fi.kasvu.i18n.ProgrammeMessages;
import fi.kasvu.i18n.ProgrammeTemplateFile;
import fi.kasvu.programme.ProgrammeTemplate;
import fi.kasvu.programme.TemplateFileProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kasvu programme check}: checks an agency's programme template file before it is uploaded. */
@Command(name = "programme", mixinStandardHelpOptions = true,
        description = "Coaching programmes: checks an agency's programme template file.",
        subcommands = {ProgrammeCommand.Check.class})
public final class ProgrammeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kasvu programme check FILE [--language fi|sv|en]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Checks a programme template file (docs/programmes.md, \"Template files\") and lists every "
                    + "problem as FILE:LINE: message. Exits 0 when the file is a valid template, 1 when it has "
                    + "problems, 2 when it cannot be read.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE",
                description = "the template file (UTF-8); a relative path means the folder you run kasvu from")
        Path file;

        @Option(names = "--language", defaultValue = "en", paramLabel = "fi|sv|en",
                description = "the language of the messages (default en)")
        String language;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Language in;
            try {
                in = Language.ofCode(language); // the one reading of a language code (any case), as the other commands
            } catch (IllegalArgumentException notOne) {
                throw new CommandFailure(2, "--language must be fi, sv or en, not \""
                        + TemplateFileProblem.quote(language) + "\"");
            }
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure(2, "no such file: " + file.toAbsolutePath().normalize()
                        + " (a relative path means the folder you run kasvu from)");
            }
            Result<ProgrammeTemplate, TemplateFileProblem> read;
            try (InputStream stream = Files.newInputStream(file)) {
                byte[] bytes = stream.readNBytes(ProgrammeTemplateFile.MAX_BYTES + 1);
                read = bytes.length > ProgrammeTemplateFile.MAX_BYTES
                        ? Result.rejected(new TemplateFileProblem.FileTooLarge(Files.size(file),
                        ProgrammeTemplateFile.MAX_BYTES))
                        : ProgrammeTemplateFile.read(bytes);
            }
            String name = file.toString();
            if (read.isAccepted()) {
                ProgrammeTemplate template = read.orElseThrow();
                int events = template.phases().stream().mapToInt(p -> p.events().size()).sum();
                int assignments = template.phases().stream().mapToInt(p -> p.assignments().size()).sum();
                out.println(name + ": template " + template.id() + " is valid: " + template.days() + " days, "
                        + template.phases().size() + " phases, " + events + " events, " + assignments
                        + " assignments.");
                return 0;
            }
            for (TemplateFileProblem problem : read.problems()) {
                out.println(name + ":" + (problem.line() > 0 ? problem.line() + ":" : "")
                        + (problem.field().isEmpty() ? "" : " (" + problem.field() + ")") + " "
                        + ProgrammeMessages.message(problem, in));
            }
            out.println(name + ": " + read.problems().size() + " problem(s); fix them and check the file again.");
            return 1;
        }
    }
}
