package dev.credreport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package picture of README's "How the code is laid out", held against the compiled classes:
 * each layer uses only the layers below it, there is no cycle, and only aws touches the AWS SDK.
 */
class ArchitectureTest {
    /** From the top (uses the rest) to the bottom (used by all); packages on one row do not use each other. */
    private static final List<List<String>> LAYERS = List.of(
            List.of(""),
            List.of("cli"),
            List.of("multi", "source"),
            List.of("aws"),
            List.of("render"),
            List.of("store"),
            List.of("diff", "asff", "fix"),
            List.of("audit"),
            List.of("report"),
            List.of("io", "log"),
            List.of("core"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.credreport");
        assertFalse(classes.isEmpty(), "the compiled classes were found");
    }

    @Test
    void no_package_is_in_a_cycle() {
        slices().matching("dev.credreport.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void each_layer_uses_only_the_layers_below_it() {
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            List<String> above = new ArrayList<>();
            for (int higher = 0; higher < layer; higher++) {
                LAYERS.get(higher).forEach(name -> above.add(packageOf(name)));
            }
            for (String name : LAYERS.get(layer)) {
                List<String> forbidden = new ArrayList<>(above);
                // Siblings on one row stay apart too.
                LAYERS.get(layer).stream().filter(other -> !other.equals(name)).forEach(other -> forbidden.add(packageOf(other)));
                if (forbidden.isEmpty()) {
                    continue;
                }
                noClasses().that().resideInAPackage(packageOf(name))
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because("layer '" + (name.isEmpty() ? "root" : name) + "' may use only the layers below it")
                        .check(classes);
            }
        }
    }

    @Test
    void every_package_has_its_place_in_the_picture() {
        List<String> placed = LAYERS.stream().flatMap(List::stream).filter(name -> !name.isEmpty())
                .map(name -> "dev.credreport." + name).toList();
        for (JavaClass javaClass : classes) {
            String pkg = javaClass.getPackageName();
            boolean inPicture = pkg.equals("dev.credreport") || placed.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
            assertTrue(inPicture, pkg + " is in no layer of the picture: add it to LAYERS and to README's picture");
        }
    }

    @Test
    void every_package_says_what_it_holds_and_may_use() throws IOException {
        Path sources = Path.of("src/main/java/dev/credreport");
        try (Stream<Path> directories = Files.walk(sources)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                Path info = directory.resolve("package-info.java");
                assertTrue(Files.isRegularFile(info), directory + " has no package-info.java");
                String text = Files.readString(info);
                assertTrue(text.contains("May use") || text.contains("may use") || text.contains("Uses nothing"),
                        info + " does not say what the package may use");
            }
        }
    }

    @Test
    void only_aws_touches_the_aws_sdk() {
        noClasses().that().resideOutsideOfPackage("dev.credreport.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void only_cli_and_main_touch_picocli() {
        noClasses().that().resideOutsideOfPackages("dev.credreport.cli..", "dev.credreport")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void main_is_the_only_class_of_the_root_package() {
        classes().that().resideInAPackage("dev.credreport").should().haveNameMatching("dev\\.credreport\\.(Main(\\$.*)?|package-info)")
                .check(classes);
    }

    @Test
    void the_audit_model_knows_no_concrete_rule() {
        noClasses().that().resideInAPackage("dev.credreport.audit")
                .should().dependOnClassesThat().resideInAPackage("dev.credreport.audit.rules..")
                .check(classes);
    }

    /** The package and its sub-packages; the root package alone for "". */
    private static String packageOf(String name) {
        return name.isEmpty() ? "dev.credreport" : "dev.credreport." + name + "..";
    }
}
