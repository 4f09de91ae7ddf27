package dev.credreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.audit.Exceptions;
import dev.credreport.audit.Rule;
import dev.credreport.audit.RuleInfo;
import dev.credreport.audit.rules.Rules;
import dev.credreport.core.CredreportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every control id the exceptions docs and the refusal give as an example is one an exceptions file may name. */
class ExceptionExamplesTest {
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final List<RuleInfo> RULES = Rules.all().stream().map(Rule::info).toList();
    private static final Pattern CONTROL = Pattern.compile("CIS \\d+\\.\\d+\\.\\d+ \\d+\\.\\d+|(?:Security Hub )?IAM\\.\\d+");

    static Exceptions parse(String rule) {
        return Exceptions.parse("ex.yaml", "exceptions:\n  - {rule: '" + rule + "', user: a, reason: r, expires: 2027-01-31}\n",
                RULES, Exceptions.DEFAULT_MAX_DAYS, TODAY);
    }

    static List<String> controls(String text) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = CONTROL.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    /** The lines of a document that give a control id as an example of an exceptions entry's rule. */
    static String examples(String file) throws Exception {
        return String.join("\n", Files.readAllLines(Path.of(file)).stream()
                .filter(line -> line.contains("- rule:") || line.contains("control id such as")).toList());
    }

    @Test
    void every_example_control_id_of_the_refusal_readme_and_man_page_is_accepted() throws Exception {
        String refusal = "";
        try {
            parse("no-such-rule");
        } catch (CredreportException e) {
            refusal = e.getMessage();
        }
        assertFalse(refusal.contains("credreport rules"), "no such command: " + refusal);
        assertTrue(refusal.contains("'audit --list-rules'"), refusal);
        List<String> named = new ArrayList<>(controls(refusal));
        assertEquals(Exceptions.EXAMPLE_CONTROLS, named, refusal);
        named.addAll(controls(examples("README.md")));
        named.addAll(controls(examples("src/assembly/man/credreport-exceptions.adoc")));
        assertTrue(named.size() >= 6, "examples found in all three: " + named);
        for (String id : named) {
            assertEquals(1, parse(id).entries().size(), id);
        }
    }
}
