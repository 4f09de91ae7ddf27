package dev.credreport;

import dev.credreport.core.BuildInfo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release archive that {@code mvn package} builds, unpacked and run as a user would. */
class ArchiveIT {
    static final String INSTALL_HINT = "sudo dnf install -y java-17-amazon-corretto-headless";
    static final String SAMPLE = "credential-report-123456789012-20261121T061502Z.csv";

    @TempDir
    static Path unpacked;

    @TempDir
    Path dir;

    /** credreport-VERSION inside the unpacked tar.gz. */
    static Path home;

    record Run(int exitCode, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    static Path archive(String extension) {
        return Path.of(System.getProperty("credreport.archive") + extension);
    }

    static Run run(Consumer<Map<String, String>> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") && !name.startsWith("AWS_CONFIG")
                && !name.startsWith("AWS_SHARED") && !name.equals("AWS_EC2_METADATA_DISABLED"));
        builder.environment().put("CREDREPORT_CDS", "off");
        environment.accept(builder.environment());
        Process process = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try (var stream = process.getErrorStream()) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished within a minute");
        return new Run(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    }

    static Run run(String... command) throws IOException, InterruptedException {
        return run(environment -> { }, command);
    }

    @BeforeAll
    static void unpack() throws Exception {
        Run tar = run("tar", "-xzf", archive(".tar.gz").toString(), "-C", unpacked.toString());
        assertEquals(0, tar.exitCode(), tar.err());
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> entries = top.toList();
            assertEquals(1, entries.size(), "one top directory: " + entries);
            home = entries.get(0);
        }
        assertEquals(archive("").getFileName().toString(), home.getFileName().toString());
    }

    /** A directory holding only the tools the launcher uses besides java, for a PATH without java. */
    Path toolsWithoutJava() throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("ls", "sed", "readlink", "cksum", "find", "mkdir", "chmod", "wc", "rm", "mv", "rmdir")) {
            for (String bin : List.of("/usr/bin/", "/bin/")) {
                if (Files.isExecutable(Path.of(bin + tool)) && !Files.exists(tools.resolve(tool))) {
                    Files.createSymbolicLink(tools.resolve(tool), Path.of(bin + tool));
                }
            }
        }
        return tools;
    }

    static Path script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void should_hold_the_launcher_jar_completion_man_pages_licence_readme_and_samples() throws Exception {
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), Files.getPosixFilePermissions(home.resolve("bin/credreport")));
        for (String file : List.of("lib/credreport.jar", "completion/credreport.bash", "completion/credreport.zsh",
                "man/man1/credreport.1", "man/man1/credreport-fetch.1", "man/man1/credreport-audit.1",
                "man/man1/credreport-diff.1", "LICENSE", "README.md", "sample/" + SAMPLE)) {
            assertTrue(Files.size(home.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(home.resolve("man/man1/credreport-fetch.1")).contains(".TH \"CREDREPORT\\-FETCH\" \"1\""),
                "troff, not AsciiDoc");
        Run syntax = run("bash", "-n", home.resolve("completion/credreport.bash").toString());
        assertEquals(0, syntax.exitCode(), syntax.err());
        assertTrue(Files.readString(home.resolve("completion/credreport.bash")).contains("function _picocli_credreport_fetch()"));
    }

    @Test
    void should_run_from_the_unpacked_archive_with_only_a_java_runtime() throws Exception {
        Run version = run(home.resolve("bin/credreport").toString(), "--version");
        Run jar = run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                home.resolve("lib/credreport.jar").toString(), "--version");

        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.outText().startsWith("credreport " + BuildInfo.version()), version.outText());
        assertEquals(jar.outText(), version.outText());
        assertEquals("", version.err());
    }

    @Test
    void should_read_the_shipped_sample_report() throws Exception {
        Path sample = home.resolve("sample").resolve(SAMPLE);

        Run csv = run(home.resolve("bin/credreport").toString(), "fetch", "--input", sample.toString());
        Run blocks = run(home.resolve("bin/credreport").toString(), "fetch", "--input", sample.toString(), "--format", "blocks");

        assertEquals(0, csv.exitCode(), csv.err());
        assertArrayEquals(Files.readAllBytes(sample), csv.out(), "the report's bytes, unchanged");
        assertEquals(0, blocks.exitCode(), blocks.err());
        assertTrue(blocks.outText().lines().anyMatch(line -> line.startsWith("User: ") && line.contains(",")),
                "the quoted user name with a comma stays one value: " + blocks.outText());
    }

    @Test
    void should_run_through_a_symlink_from_a_directory_on_the_path() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("local/bin"));
        // A relative link, as `ln -s ../../credreport/bin/credreport` makes: resolved from the link's directory.
        Path link = Files.createSymbolicLink(bin.resolve("credreport"), bin.relativize(home.resolve("bin/credreport")));
        Path chained = Files.createSymbolicLink(dir.resolve("cr"), link);

        Run direct = run(link.toString(), "fetch", "--input", home.resolve("sample").resolve(SAMPLE).toString());
        Run byName = run(environment -> environment.put("PATH", bin + ":" + environment.get("PATH")),
                "sh", "-c", "cd / && credreport --version");
        Run twoLinks = run(chained.toString(), "--version");

        assertEquals(0, direct.exitCode(), direct.err());
        assertArrayEquals(Files.readAllBytes(home.resolve("sample").resolve(SAMPLE)), direct.out());
        assertEquals(0, byName.exitCode(), byName.err());
        assertTrue(byName.outText().startsWith("credreport "), byName.outText());
        assertEquals(0, twoLinks.exitCode(), twoLinks.err());
    }

    @Test
    void should_name_what_to_install_when_java_on_the_path_is_too_old() throws Exception {
        Path ran = dir.resolve("ran");
        // Like a JDK 11 whose release file is missing: only java -version tells its version.
        Path java = script(dir.resolve("jdk11/bin/java"), "#!/bin/sh\n"
                + "for arg in \"$@\"; do\n"
                + "  if [ \"$arg\" = -version ]; then\n"
                + "    echo 'openjdk version \"11.0.22\" 2024-01-16' >&2\n"
                + "    echo 'OpenJDK Runtime Environment (build 11.0.22+7)' >&2\n"
                + "    exit 0\n"
                + "  fi\n"
                + "done\n"
                + "echo \"$@\" > " + ran + "\n"
                + "echo 'Exception in thread \"main\" java.lang.UnsupportedClassVersionError: class file version 61.0' >&2\n"
                + "exit 1\n");

        Run run = run(environment -> {
            environment.remove("JAVA_HOME");
            environment.put("PATH", java.getParent() + ":" + environment.get("PATH"));
        }, home.resolve("bin/credreport").toString(), "fetch", "--input", home.resolve("sample").resolve(SAMPLE).toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.outText());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("credreport: needs Java 17 or newer, and " + java + " is Java 11.0.22"), run.err());
        assertTrue(run.err().contains(INSTALL_HINT), run.err());
        assertFalse(run.err().contains("UnsupportedClassVersionError"), run.err());
        assertFalse(Files.exists(ran), "the old JVM was never asked to run credreport");
    }

    @Test
    void should_read_the_version_of_java_home_from_its_release_file_without_starting_it() throws Exception {
        Path ran = dir.resolve("ran");
        Path jdk = dir.resolve("jdk8");
        script(jdk.resolve("bin/java"), "#!/bin/sh\necho \"$@\" >> " + ran + "\nexit 1\n");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Example\"\nJAVA_VERSION=\"1.8.0_402\"\nOS_NAME=\"Linux\"\n");

        Run run = run(environment -> environment.put("JAVA_HOME", jdk.toString()), home.resolve("bin/credreport").toString(), "--version");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("credreport: needs Java 17 or newer, and " + jdk.resolve("bin/java") + " is Java 1.8.0_402"),
                run.err());
        assertTrue(run.err().contains(INSTALL_HINT), run.err());
        assertFalse(Files.exists(ran), "no JVM started to learn its version");
    }

    @Test
    void should_name_what_to_install_when_there_is_no_java_at_all() throws Exception {
        Path tools = toolsWithoutJava();

        Run run = run(environment -> {
            environment.remove("JAVA_HOME");
            environment.put("PATH", tools.toString());
        }, home.resolve("bin/credreport").toString(), "--version");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.outText());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("credreport: found no Java (no java on PATH, JAVA_HOME not set): install Java 17 or newer"),
                run.err());
        assertTrue(run.err().contains(INSTALL_HINT), run.err());
    }

    @Test
    void should_refuse_a_java_home_without_java() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-jdk"));

        Run run = run(environment -> environment.put("JAVA_HOME", empty.toString()), home.resolve("bin/credreport").toString(), "--version");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("credreport: JAVA_HOME is " + empty + ", which has no bin/java: set it to a Java 17 or newer, "
                + "or unset it to use java from PATH\n", run.err());
    }

    @Test
    void should_publish_a_sha256_beside_each_archive_that_sha256sum_accepts() throws Exception {
        for (String extension : List.of(".tar.gz", ".zip")) {
            Path archive = archive(extension);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));

            String line = Files.readString(Path.of(archive + ".sha256")).strip();
            Run check = run(environment -> { }, "sh", "-c", "cd '" + archive.getParent() + "' && sha256sum -c '"
                    + archive.getFileName() + ".sha256'");

            assertEquals(expected + "  " + archive.getFileName(), line);
            assertEquals(0, check.exitCode(), check.outText() + check.err());
        }
    }

    @Test
    void should_hold_the_same_files_with_the_same_modes_in_the_zip() throws Exception {
        Map<String, String> fromTar = new TreeMap<>();
        try (Stream<Path> files = Files.walk(unpacked)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                fromTar.put(unpacked.relativize(file).toString(), describe(file));
            }
        }
        Map<String, String> fromZip = new TreeMap<>();
        try (FileSystem zip = FileSystems.newFileSystem(archive(".zip"), Map.of("enablePosixFileAttributes", true));
                Stream<Path> files = Files.walk(zip.getPath("/"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                fromZip.put(file.toString().substring(1), describe(file));
            }
        }

        assertEquals(fromTar, fromZip);
        assertTrue(fromZip.get(home.getFileName() + "/bin/credreport").startsWith("rwxr-xr-x"), fromZip::toString);
    }

    static String describe(Path file) throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return PosixFilePermissions.toString(permissions) + " "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
