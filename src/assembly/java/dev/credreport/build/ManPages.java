package dev.credreport.build;

import dev.credreport.cli.CommandLineFactory;
import dev.credreport.cli.Environment;
import dev.credreport.core.ExitCode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build time only, never shipped: writes credreport's man pages (credreport(1) and one per command)
 * from the same command line users run. picocli's ManPageGenerator writes NAME, SYNOPSIS,
 * DESCRIPTION, OPTIONS and the examples as AsciiDoc; this class adds what picocli's model does not
 * hold: EXIT STATUS from {@link ExitCode}, and the longer DESCRIPTION, ENVIRONMENT and FILES from
 * AsciiDoc fragments in src/assembly/man, and SEE ALSO from the list of pages. Asciidoctor's
 * manpage backend turns the result into troff. Each page has NAME, SYNOPSIS, DESCRIPTION, OPTIONS,
 * EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO, in man-pages(7)'s order, which ManPagesIT checks.
 * Arguments: the AsciiDoc directory, the man page directory, the fragments directory.
 */
public final class ManPages {
    private static final Pattern TAG = Pattern.compile(
            "// tag::picocli-generated-man-section-([a-z-]+)\\[\\]\\R(.*?)// end::picocli-generated-man-section-\\1\\[\\]\\R",
            Pattern.DOTALL);
    /** picocli writes an option group's or the footer's heading as a section of its own, colon included. */
    private static final Pattern GROUP_HEADING = Pattern.compile("(?m)^==\\s+(?!Options$)(.+?):?\\s*$");

    /** AsciiDoc's include directive, resolved here: the pages are written elsewhere than the fragments. */
    private static final Pattern INCLUDE = Pattern.compile("(?m)^include::([\\w.-]+)\\[\\]$");

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        Path adoc = Path.of(args[0]);
        Path man = Path.of(args[1]);
        Path fragments = Path.of(args[2]);
        StringWriter ignored = new StringWriter();
        CommandLine everyCommand = CommandLineFactory.create(Environment.system(), new PrintWriter(ignored),
                new PrintWriter(ignored), null);
        List<CommandSpec> commands = pages(everyCommand.getCommandSpec());
        Files.createDirectories(adoc);
        List<File> written = new ArrayList<>();
        for (CommandSpec command : commands) {
            Path page = adoc.resolve(pageName(command) + ".adoc");
            Files.writeString(page, page(command, commands, fragments), StandardCharsets.UTF_8);
            written.add(page.toFile());
        }
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            Options options = Options.builder().backend("manpage").toDir(man.toFile()).mkDirs(true)
                    .safe(SafeMode.UNSAFE).build();
            for (File page : written) {
                asciidoctor.convertFile(page, options);
            }
        }
        System.out.println("man pages: " + written.size() + " in " + man);
    }

    /** credreport itself and every command a user runs; not picocli's help command, which --help covers. */
    static List<CommandSpec> pages(CommandSpec root) {
        List<CommandSpec> pages = new ArrayList<>();
        pages.add(root);
        root.subcommands().forEach((name, command) -> {
            if (!command.getCommandSpec().usageMessage().hidden() && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
                pages.add(command.getCommandSpec());
            }
        });
        return pages;
    }

    static String pageName(CommandSpec command) {
        return command.qualifiedName("-");
    }

    /** One page as AsciiDoc: picocli's sections, with ours put in their places. */
    static String page(CommandSpec command, List<CommandSpec> all, Path fragments) throws IOException {
        command.usageMessage().exitCodeListHeading("Exit status%n").exitCodeList(exitCodes());
        StringWriter generated = new StringWriter();
        try (PrintWriter out = new PrintWriter(generated)) {
            ManPageGenerator.writeSingleManPage(out, command);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher tags = TAG.matcher(generated.toString());
        while (tags.find()) {
            sections.put(tags.group(1), tags.group(2));
        }
        Footer footer = Footer.of(sections.getOrDefault("footer", ""));
        String name = pageName(command);
        StringBuilder page = new StringBuilder();
        page.append(sections.get("header"))
                .append(sections.get("name"))
                .append(sections.get("synopsis"))
                .append(sections.get("description").stripTrailing()).append("\n\n")
                .append(fragment(fragments, name + ".adoc", false))
                .append(options(sections.get("options")))
                .append(sections.getOrDefault("arguments", ""))
                .append(sections.getOrDefault("commands", ""))
                .append(sections.get("exit-status").stripTrailing()).append("\n\n");
        if (footer.exitCodes() != null) {
            page.append("For *").append(command.qualifiedName(" ")).append("*: ").append(footer.exitCodes()).append("\n\n");
        }
        page.append(fragment(fragments, "exit-status.adoc", true))
                .append("== Environment\n\n").append(fragment(fragments, "environment.adoc", true))
                .append("== Files\n\n").append(fragment(fragments, "files.adoc", true))
                .append(footer.text())
                .append("== See also\n\n").append(seeAlso(command, all)).append("\n");
        return page.toString();
    }

    /** One OPTIONS section, picocli's option groups as its subsections. */
    private static String options(String generated) {
        String options = generated.startsWith("== Options") ? generated : "== Options\n\n" + generated;
        return GROUP_HEADING.matcher(options).replaceAll("=== $1");
    }

    /** Every code of {@link ExitCode} with its meaning: the list is never written by hand. */
    static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(String.valueOf(code.code()), code.meaning());
        }
        return codes;
    }

    private static String fragment(Path fragments, String file, boolean required) throws IOException {
        Path path = fragments.resolve(file);
        if (!Files.exists(path)) {
            if (required) {
                throw new IllegalStateException("missing man page fragment " + path);
            }
            return "";
        }
        // A fragment shared by several pages (many accounts: fetch, audit, report) is included by name.
        Matcher includes = INCLUDE.matcher(Files.readString(path, StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder();
        while (includes.find()) {
            includes.appendReplacement(text, Matcher.quoteReplacement(fragment(fragments, includes.group(1), true)));
        }
        includes.appendTail(text);
        return text.toString().stripTrailing() + "\n\n";
    }

    private static String seeAlso(CommandSpec command, List<CommandSpec> all) {
        List<String> others = new ArrayList<>();
        for (CommandSpec other : all) {
            if (other != command) {
                others.add("*" + pageName(other) + "*(1)");
            }
        }
        others.add("*aws*(1)");
        return String.join(", ", others) + "\n\n"
                + "The project's README.md (how to install, a quick start per command, cron and Athena) and, for "
                + "the benchmark's figures, src/bench/README.md.";
    }

    /**
     * picocli's footer: the examples, whose "Exit codes: …" line goes to EXIT STATUS instead; the
     * top command's footer only points to --help, which this page replaces, so it is dropped.
     */
    record Footer(String text, String exitCodes) {
        static Footer of(String generated) {
            if (generated.isBlank() || generated.startsWith("== Footer")) {
                return new Footer("", null);
            }
            String exitCodes = null;
            StringBuilder text = new StringBuilder();
            String[] paragraphs = generated.split("\\R\\R");
            for (String paragraph : paragraphs) {
                String body = paragraph.replace("[%hardbreaks]", "").strip();
                if (body.startsWith("Exit codes: ")) {
                    exitCodes = body.substring("Exit codes: ".length());
                } else if (!body.isEmpty()) {
                    text.append(paragraph.strip()).append("\n\n");
                }
            }
            return new Footer(GROUP_HEADING.matcher(text.toString()).replaceFirst("== $1"), exitCodes);
        }
    }
}
