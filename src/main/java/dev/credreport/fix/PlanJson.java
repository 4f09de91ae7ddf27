package dev.credreport.fix;

import dev.credreport.report.UntrustedText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.credreport.core.CredreportException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan and result files: JSON with a {@code schema} number ({@link Plan#SCHEMA}); a reader refuses
 * any other. A plan is {@code {"schema":1,"kind":"credreport-fix-plan","created","asOf","minIdleDays",
 * "quarantineDays","actions":[...],"manualSteps":[...]}}; a result adds {@code "kind":"credreport-fix-result"},
 * the outcomes and an {@code undo} plan.
 */
public final class PlanJson {
    public static final String PLAN_KIND = "credreport-fix-plan";
    public static final String RESULT_KIND = "credreport-fix-result";
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlanJson() {
    }

    public static void write(Plan plan, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("schema", Plan.SCHEMA);
            json.writeStringField("kind", PLAN_KIND);
            json.writeStringField("created", plan.created().toString());
            if (plan.asOf() != null) {
                json.writeStringField("asOf", plan.asOf().toString());
            }
            json.writeNumberField("minIdleDays", plan.minIdle().toDays());
            json.writeNumberField("quarantineDays", plan.quarantine().toDays());
            json.writeArrayFieldStart("actions");
            for (Action action : plan.actions()) {
                action(json, action);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("manualSteps");
            for (String step : plan.manualSteps()) {
                json.writeString(step);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    public static void write(Result result, Plan plan, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("schema", Plan.SCHEMA);
            json.writeStringField("kind", RESULT_KIND);
            json.writeStringField("plan", result.plan());
            json.writeStringField("started", result.started().toString());
            json.writeBooleanField("dryRun", result.dryRun());
            json.writeBooleanField("finished", result.finished());
            json.writeArrayFieldStart("outcomes");
            for (Outcome outcome : result.outcomes()) {
                json.writeStartObject();
                json.writeStringField("state", outcome.state().jsonName());
                json.writeStringField("why", outcome.why());
                json.writeFieldName("action");
                action(json, outcome.action());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("undo");
            json.writeStartObject();
            json.writeNumberField("schema", Plan.SCHEMA);
            json.writeStringField("kind", PLAN_KIND);
            json.writeStringField("created", result.started().toString());
            json.writeNumberField("minIdleDays", 0);
            json.writeNumberField("quarantineDays", plan.quarantine().toDays());
            json.writeArrayFieldStart("actions");
            for (Action undo : result.undo()) {
                action(json, undo);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("manualSteps");
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void action(JsonGenerator json, Action action) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", action.id());
        json.writeStringField("action", action.kind().jsonName());
        json.writeStringField("account", action.account());
        json.writeStringField("user", action.user());
        if (action.credentialId() != null) {
            json.writeStringField(action.kind().onCertificate() ? "certificateId" : "accessKeyId", action.credentialId());
            json.writeNumberField("slot", action.slot());
        }
        if (action.created() != null) {
            json.writeStringField("created", action.created().toString());
        }
        json.writeStringField("lastUsed", action.lastUsed() == null ? null : action.lastUsed().toString());
        json.writeStringField("why", action.why());
        json.writeBooleanField("undoable", action.kind().undoable());
        json.writeStringField("note", action.note());
        json.writeEndObject();
    }

    /** Reads a plan (fix apply's file); a result file is refused, saying it is undo's. */
    public static Plan readPlan(Reader in, String name) {
        Map<String, Object> top = read(in, name);
        String shown = UntrustedText.escape(name);
        if (RESULT_KIND.equals(top.get("kind"))) {
            throw CredreportException.usage(shown + " is the result file of an apply, not a plan: give fix apply the file "
                    + "'credreport fix plan -o FILE' wrote (to reverse that apply: credreport fix undo " + shown + ")");
        }
        if (!PLAN_KIND.equals(top.get("kind"))) {
            throw CredreportException.badInput(shown + " is not a credreport fix plan (no \"kind\": \"" + PLAN_KIND + "\")");
        }
        return plan(top, name);
    }

    /**
     * Reads the undo plan of a result file (fix undo's file): only reactivations. A plan is refused, saying it is
     * apply's, and so is an undo plan holding any other action (undo never deletes nor deactivates).
     */
    public static Plan readUndo(Reader in, String name) {
        Map<String, Object> top = read(in, name);
        String shown = UntrustedText.escape(name);
        if (PLAN_KIND.equals(top.get("kind"))) {
            throw CredreportException.usage(shown + " is a fix plan, not the result of an apply: give fix undo the result "
                    + "file 'credreport fix apply' wrote (PLAN.result.json); to apply the plan: credreport fix apply " + shown);
        }
        if (!RESULT_KIND.equals(top.get("kind")) || !(top.get("undo") instanceof Map<?, ?> undo)) {
            throw CredreportException.badInput(shown + " is not the result file of a credreport fix apply (no \"kind\": \""
                    + RESULT_KIND + "\" with an undo plan)");
        }
        @SuppressWarnings("unchecked")
        Plan plan = plan((Map<String, Object>) undo, name);
        for (Action action : plan.actions()) {
            if (!action.kind().reactivates()) {
                throw CredreportException.usage(shown + ": its undo plan holds action " + action.id() + " ("
                        + action.kind().jsonName() + "), which undo never runs (it only reactivates); nothing changed: give "
                        + "the result file exactly as 'credreport fix apply' wrote it");
            }
        }
        return plan;
    }

    /** The kind of a credreport fix file ({@link #PLAN_KIND}, {@link #RESULT_KIND}), or null when it names none. */
    public static String kindOf(Reader in, String name) {
        return read(in, name).get("kind") instanceof String kind ? kind : null;
    }

    /** Reads the outcomes of a result file (for tests and for undo's report). */
    @SuppressWarnings("unchecked")
    public static List<Outcome> readOutcomes(Reader in, String name) {
        Map<String, Object> top = read(in, name);
        List<Outcome> outcomes = new ArrayList<>();
        for (Object item : (List<Object>) top.getOrDefault("outcomes", List.of())) {
            Map<String, Object> outcome = (Map<String, Object>) item;
            outcomes.add(new Outcome(action((Map<String, Object>) outcome.get("action"), name),
                    Outcome.State.ofJson((String) outcome.get("state")),
                    (String) outcome.get("why")));
        }
        return outcomes;
    }

    private static Plan plan(Map<String, Object> top, String name) {
        Plan plan = readable(top, name);
        // An id names one action: the result, its undo plan and a person reviewing them tell actions apart by it.
        Set<Integer> ids = new HashSet<>();
        for (Action action : plan.actions()) {
            if (!ids.add(action.id())) {
                throw CredreportException.badInput(UntrustedText.escape(name) + " is not a valid fix plan: action id "
                        + action.id() + " is given to more than one action; nothing changed: make a new plan with "
                        + "'credreport fix plan -o FILE'");
            }
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private static Plan readable(Map<String, Object> top, String name) {
        try {
            List<Action> actions = new ArrayList<>();
            for (Object item : (List<Object>) top.getOrDefault("actions", List.of())) {
                actions.add(action((Map<String, Object>) item, name));
            }
            List<String> steps = new ArrayList<>();
            for (Object step : (List<Object>) top.getOrDefault("manualSteps", List.of())) {
                steps.add((String) step);
            }
            return new Plan(Instant.parse((String) top.get("created")),
                    top.get("asOf") == null ? null : Instant.parse((String) top.get("asOf")),
                    Duration.ofDays(((Number) top.get("minIdleDays")).longValue()),
                    Duration.ofDays(((Number) top.get("quarantineDays")).longValue()), actions, steps);
        } catch (RuntimeException e) {
            throw CredreportException.badInput(name + " is not a readable fix plan: " + e.getMessage(), e);
        }
    }

    private static Action action(Map<String, Object> item, String name) {
        return new Action(((Number) item.get("id")).intValue(), ActionKind.ofJson((String) item.get("action")),
                (String) item.get("account"), (String) item.get("user"),
                (String) (item.get("certificateId") != null ? item.get("certificateId") : item.get("accessKeyId")),
                item.get("slot") == null ? 0 : ((Number) item.get("slot")).intValue(),
                item.get("created") == null ? null : Instant.parse((String) item.get("created")),
                item.get("lastUsed") == null ? null : Instant.parse((String) item.get("lastUsed")), (String) item.get("why"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Reader in, String name) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            Object value = value(parser, parser.nextToken());
            if (!(value instanceof Map)) {
                throw CredreportException.badInput(name + " is not a JSON object");
            }
            Map<String, Object> top = (Map<String, Object>) value;
            Object schema = top.get("schema");
            if (!(schema instanceof Number number) || number.intValue() != Plan.SCHEMA) {
                throw CredreportException.badInput(UntrustedText.escape(name) + (schema == null
                        ? " is not a credreport plan or result (it has no schema); make one with 'credreport fix plan -o FILE'"
                        : " has schema " + UntrustedText.escape(String.valueOf(schema)) + "; this credreport reads schema "
                                + Plan.SCHEMA));
            }
            return top;
        } catch (IOException e) {
            throw CredreportException.badInput(name + " is not valid JSON: " + CredreportException.firstLine(e.getMessage()), e);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("empty file");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    map.put(field, value(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }
}
