package dev.credreport.build;

import dev.credreport.cli.CommandLineFactory;
import dev.credreport.cli.Environment;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build time only, never shipped: writes credreport's man pages (credreport(1) and one per command)
 * from the same command line users run. picocli's ManPageGenerator writes them as AsciiDoc, and
 * Asciidoctor's manpage backend turns that into troff. Arguments: the AsciiDoc directory, the man
 * page directory.
 */
public final class ManPages {
    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        Path adoc = Path.of(args[0]);
        Path man = Path.of(args[1]);
        StringWriter ignored = new StringWriter();
        CommandLine everyCommand = CommandLineFactory.create(Environment.system(), new PrintWriter(ignored),
                new PrintWriter(ignored), null);
        int generated = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], false,
                everyCommand.getCommandSpec());
        if (generated != 0) {
            throw new IllegalStateException("picocli's ManPageGenerator failed with exit code " + generated);
        }
        List<File> pages;
        try (Stream<Path> files = Files.list(adoc)) {
            pages = files.filter(path -> path.toString().endsWith(".adoc")).sorted().map(Path::toFile).toList();
        }
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            Options options = Options.builder().backend("manpage").toDir(man.toFile()).mkDirs(true)
                    .safe(SafeMode.UNSAFE).build();
            for (File page : pages) {
                asciidoctor.convertFile(page, options);
            }
        }
        System.out.println("man pages: " + pages.size() + " in " + man);
    }
}
