package dev.credreport.build;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Build time only, never shipped: reads the picocli annotations of credreport's commands and option
 * classes and writes {@code dev.credreport.cli.CommandModel}, which builds the same picocli model
 * with picocli's programmatic API: no annotation reflection and no reflective field access at run
 * time. The annotations stay the one source of truth for every option; this class translates them
 * attribute by attribute as picocli's own reflective builder reads them (CommandReflection,
 * OptionSpec.Builder(Option, ...)), and refuses an attribute it does not translate rather than drop
 * it. CommandModelTest compares the two models, their help, man pages and completion scripts.
 */
@SupportedAnnotationTypes("picocli.CommandLine.Command")
public final class CommandModelProcessor extends AbstractProcessor {
    private static final String PICOCLI = "picocli.CommandLine.";
    private static final String TARGET_PACKAGE = "dev.credreport.cli";
    private static final String GENERATED = "CommandModel";

    /** The attributes translated; any other one given is an error. */
    private static final Set<String> OPTION_ATTRIBUTES = Set.of("names", "paramLabel", "description", "order",
            "defaultValue", "converter", "completionCandidates", "split", "arity", "required", "hidden", "negatable",
            "fallbackValue", "descriptionKey", "hideParamSyntax");
    private static final Set<String> PARAMETERS_ATTRIBUTES = Set.of("index", "paramLabel", "description", "arity",
            "converter", "completionCandidates", "split", "defaultValue", "hidden", "descriptionKey", "hideParamSyntax");
    private static final Set<String> GROUP_ATTRIBUTES = Set.of("heading", "order", "validate", "exclusive", "multiplicity",
            "headingKey");
    /** {@code @Command} attributes kept in the usage message, under the same name. */
    private static final Set<String> USAGE_ATTRIBUTES = Set.of("abbreviateSynopsis", "commandListHeading", "customSynopsis",
            "description", "descriptionHeading", "exitCodeListHeading", "footer", "footerHeading", "header", "headerHeading",
            "hidden", "optionListHeading", "parameterListHeading", "requiredOptionMarker", "showAtFileInUsageHelp",
            "showDefaultValues", "sortOptions", "sortSynopsis", "synopsisHeading", "synopsisSubcommandLabel");
    private static final Set<String> COMMAND_ATTRIBUTES = union(USAGE_ATTRIBUTES,
            Set.of("name", "aliases", "version", "versionProvider", "mixinStandardHelpOptions"));

    private boolean written;
    /** The classes whose members need an accessor, in the order they were first met. */
    private final Map<TypeElement, List<Element>> accessed = new LinkedHashMap<>();
    /** The classes picocli creates while parsing (a group's object when one of its options is given). */
    private final Set<TypeElement> created = new LinkedHashSet<>();
    private int variables;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written || annotations.isEmpty()) {
            return false;
        }
        TypeElement command = processingEnv.getElementUtils().getTypeElement(PICOCLI + "Command");
        List<TypeElement> commands = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(command)) {
            if (element instanceof TypeElement type && packageOf(type).equals(TARGET_PACKAGE)) {
                commands.add(type);
            }
        }
        if (commands.isEmpty()) {
            return false;
        }
        try {
            write(commands);
        } catch (IllegalStateException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.getMessage());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + GENERATED + ": " + e);
        }
        written = true;
        return false;
    }

    private void write(List<TypeElement> commands) throws IOException {
        StringBuilder methods = new StringBuilder();
        StringBuilder summaries = new StringBuilder();
        StringBuilder dispatch = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        for (TypeElement command : commands) {
            methods.append(commandMethod(command));
            dispatch.append("        if (command instanceof ").append(name(command.asType())).append(") {\n")
                    .append("            return spec((").append(name(command.asType())).append(") command);\n")
                    .append("        }\n");
            AnnotationMirror annotation = annotation(command, "Command");
            String name = string(annotation, "name", null);
            if (name == null || !names.add(name)) {
                throw new IllegalStateException(command + ": every command needs a name of its own, for its summary");
            }
            summaries.append(summary(name, annotation));
        }
        TypeElement help = processingEnv.getElementUtils().getTypeElement(PICOCLI + "HelpCommand");
        summaries.append(summary(string(annotation(help, "Command"), "name", null), annotation(help, "Command")));

        StringBuilder out = new StringBuilder();
        out.append("package ").append(TARGET_PACKAGE).append(";\n\n")
                .append("import picocli.CommandLine;\n")
                .append("import picocli.CommandLine.Model.ArgGroupSpec;\n")
                .append("import picocli.CommandLine.Model.CommandSpec;\n")
                .append("import picocli.CommandLine.Model.IGetter;\n")
                .append("import picocli.CommandLine.Model.IScope;\n")
                .append("import picocli.CommandLine.Model.ISetter;\n")
                .append("import picocli.CommandLine.Model.ITypeInfo;\n")
                .append("import picocli.CommandLine.Model.OptionSpec;\n")
                .append("import picocli.CommandLine.Model.PositionalParamSpec;\n")
                .append("import picocli.CommandLine.Range;\n\n")
                .append("/**\n * Generated by dev.credreport.build.CommandModelProcessor from the picocli annotations of this package: do not\n")
                .append(" * edit. Builds each command's picocli model as picocli's reflective builder would, without reflection:\n")
                .append(" * {@code spec(command)} for a command, {@link #summary} for a command only listed.\n */\n")
                .append("@SuppressWarnings({\"unchecked\", \"rawtypes\"})\n")
                .append("final class ").append(GENERATED).append(" {\n")
                .append("    private ").append(GENERATED).append("() {\n    }\n\n")
                .append("    /** The model of any command of this package, bound to {@code command}. */\n")
                .append("    static CommandSpec of(Object command) {\n").append(dispatch)
                .append("        throw new IllegalArgumentException(\"not a command of \" + ")
                .append(literal(TARGET_PACKAGE)).append(" + \": \" + command);\n    }\n\n")
                .append(methods)
                .append("    /** A command as its parent lists it: name, first line of description, hidden or not. */\n")
                .append("    static CommandSpec summary(String name) {\n")
                .append("        CommandSpec spec = CommandSpec.create().name(name);\n")
                .append("        switch (name) {\n").append(summaries)
                .append("            default: throw new IllegalArgumentException(\"no command \" + name);\n")
                .append("        }\n        return spec;\n    }\n\n")
                .append(helpers());
        for (Map.Entry<TypeElement, List<Element>> entry : accessed.entrySet()) {
            out.append(accessor(entry.getKey(), entry.getValue()));
        }
        out.append("}\n");
        try (Writer writer = processingEnv.getFiler().createSourceFile(TARGET_PACKAGE + "." + GENERATED,
                commands.toArray(new Element[0])).openWriter()) {
            writer.write(out.toString());
        }
    }

    private String summary(String name, AnnotationMirror command) {
        List<String> description = strings(command, "description");
        List<String> header = strings(command, "header");
        StringBuilder text = new StringBuilder("            case ").append(literal(name)).append(":\n");
        if (!header.isEmpty()) {
            text.append("                spec.usageMessage().header(").append(literal(header.get(0))).append(");\n");
        } else if (!description.isEmpty()) {
            text.append("                spec.usageMessage().description(").append(literal(description.get(0))).append(");\n");
        }
        if (bool(command, "hidden", false)) {
            text.append("                spec.usageMessage().hidden(true);\n");
        }
        return text.append("                break;\n").toString();
    }

    /** {@code static CommandSpec spec(Command o)}: the command's attributes and members, superclass first. */
    private String commandMethod(TypeElement command) {
        String type = name(command.asType());
        StringBuilder body = new StringBuilder();
        body.append("    /** The model of {@code ").append(command.getSimpleName()).append("}, bound to {@code o}. */\n")
                .append("    static CommandSpec spec(").append(type).append(" o) {\n")
                .append("        CommandSpec spec = CommandSpec.wrapWithoutInspection(o, FACTORY);\n")
                .append("        Scope scope = new Scope(o);\n");
        boolean standardHelp = false;
        for (TypeElement level : hierarchy(command)) {
            AnnotationMirror annotation = annotation(level, "Command");
            if (annotation != null) {
                checkAttributes(level, annotation, COMMAND_ATTRIBUTES);
                body.append(commandAttributes(annotation));
                standardHelp |= bool(annotation, "mixinStandardHelpOptions", false);
            }
            body.append(members(level, "spec", "scope", type, false, "        "));
        }
        if (standardHelp) {
            body.append("        standardHelpOptions(spec);\n");
        }
        return body.append("        return spec;\n    }\n\n").toString();
    }

    private String commandAttributes(AnnotationMirror annotation) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            String attribute = entry.getKey().getSimpleName().toString();
            Object value = entry.getValue().getValue();
            switch (attribute) {
                case "name" -> text.append("        spec.name(").append(literal((String) value)).append(");\n");
                case "aliases" -> text.append("        spec.aliases(").append(literals(entry.getValue())).append(");\n");
                case "version" -> text.append("        spec.version(").append(literals(entry.getValue())).append(");\n");
                case "versionProvider" -> text.append("        spec.versionProvider(new ").append(name((TypeMirror) value))
                        .append("());\n");
                case "mixinStandardHelpOptions" -> { }
                default -> text.append("        spec.usageMessage().").append(attribute).append('(')
                        .append(value instanceof List<?> ? literals(entry.getValue()) : constant(entry.getValue()))
                        .append(");\n");
            }
        }
        return text.toString();
    }

    /**
     * The members of one class (not its superclasses), in declaration order, added to {@code target}
     * (a CommandSpec, or an ArgGroupSpec.Builder when {@code group}); {@code owner} is the type the
     * scope holds.
     */
    private String members(TypeElement level, String target, String scope, String owner, boolean group, String indent) {
        StringBuilder text = new StringBuilder();
        // As picocli reads a class: its fields, then its methods.
        for (Element member : level.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && hasPicocli(member)) {
                ExecutableElement method = (ExecutableElement) member;
                if (method.getParameters().size() != 1 || method.getReturnType().getKind() != TypeKind.VOID
                        || annotation(method, "Option") == null || method.getModifiers().contains(Modifier.PRIVATE)) {
                    throw new IllegalStateException(member + " in " + level + ": of annotated methods, only "
                            + "non-private @Option setters (void, one parameter) are translated");
                }
            }
        }
        List<Element> ordered = new ArrayList<>();
        for (Element member : level.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && hasPicocli(member)) {
                ordered.add(member);
            }
        }
        for (Element member : level.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && hasPicocli(member)) {
                ordered.add(member);
            }
        }
        for (Element member : ordered) {
            if (member instanceof ExecutableElement method) {
                String accessor = "access" + (++variables);
                text.append(indent).append(accessorName(level)).append(' ').append(accessor).append(" = ")
                        .append(accessor(level, method, scope)).append(";\n");
                text.append(indent).append(target).append(group ? ".addArg(" : ".add(")
                        .append(setterArg(method, scope, accessor)).append(");\n");
                continue;
            }
            VariableElement field = (VariableElement) member;
            if (field.getModifiers().contains(Modifier.PRIVATE)) {
                throw new IllegalStateException(field + " in " + level + ": a picocli field must not be private, "
                        + "so that the generated model can reach it without reflection");
            }
            String self = "((" + owner + ") " + scope + ".get())";
            String access = self + "." + field.getSimpleName();
            if (annotation(field, "Spec") != null) {
                if (group) {
                    throw new IllegalStateException(field + ": @Spec in an option group is not translated");
                }
                text.append(indent).append(access).append(" = ").append(target).append(";\n");
            } else if (annotation(field, "Option") != null || annotation(field, "Parameters") != null) {
                text.append(indent).append(target).append(group ? ".addArg(" : ".add(")
                        .append(arg(level, field, scope, access)).append(");\n");
            } else if (annotation(field, "Mixin") != null) {
                if (group) {
                    throw new IllegalStateException(field + ": a mixin in an option group is not translated");
                }
                text.append(mixin(field, target, access, indent));
            } else if (annotation(field, "ArgGroup") != null) {
                if (group) {
                    throw new IllegalStateException(field + ": nested option groups are not translated");
                }
                text.append(argGroup(level, field, target, scope, access, indent));
            } else {
                throw new IllegalStateException(field + " in " + level + ": its picocli annotation is not translated");
            }
        }
        return text.toString();
    }

    private String mixin(VariableElement field, String target, String access, String indent) {
        AnnotationMirror annotation = annotation(field, "Mixin");
        checkAttributes(field, annotation, Set.of("name"));
        String name = string(annotation, "name", field.getSimpleName().toString());
        TypeElement type = (TypeElement) processingEnv.getTypeUtils().asElement(field.asType());
        String typeName = name(field.asType());
        String mixin = "mixin" + (++variables);
        String mixinScope = "scope" + variables;
        StringBuilder text = new StringBuilder();
        text.append(indent).append("if (").append(access).append(" == null) {\n")
                .append(indent).append("    ").append(access).append(" = new ").append(typeName).append("();\n")
                .append(indent).append("}\n")
                .append(indent).append("CommandSpec ").append(mixin).append(" = CommandSpec.wrapWithoutInspection(")
                .append(access).append(", FACTORY);\n")
                .append(indent).append("Scope ").append(mixinScope).append(" = new Scope(").append(access).append(");\n");
        for (TypeElement level : hierarchy(type)) {
            if (annotation(level, "Command") != null) {
                throw new IllegalStateException(level + ": @Command on a mixin is not translated");
            }
            text.append(members(level, mixin, mixinScope, typeName, false, indent));
        }
        text.append(indent).append(target).append(".addMixin(").append(literal(name)).append(", ").append(mixin)
                .append(".withToString(").append(literal(abbreviate("mixin from member " + genericString(field)))).append("));\n");
        return text.toString();
    }

    private String argGroup(TypeElement level, VariableElement field, String target, String scope, String access,
            String indent) {
        AnnotationMirror annotation = annotation(field, "ArgGroup");
        checkAttributes(field, annotation, GROUP_ATTRIBUTES);
        if (isMultiValue(field.asType())) {
            throw new IllegalStateException(field + ": a repeated option group is not translated");
        }
        TypeElement type = (TypeElement) processingEnv.getTypeUtils().asElement(field.asType());
        String typeName = name(field.asType());
        created.add(type);
        String builder = "group" + (++variables);
        String groupScope = "scope" + variables;
        StringBuilder text = new StringBuilder();
        // picocli puts a new object of the group's class in the field when one of its options is given, and
        // points the options' scope at it; before then they read the object the field starts with.
        text.append(indent).append("Scope ").append(groupScope).append(" = new Scope(").append(access).append(");\n")
                .append(indent).append("ArgGroupSpec.Builder ").append(builder).append(" = ArgGroupSpec.builder()")
                .append(".typeInfo(typeOf(").append(typeName).append(".class))")
                .append(".getter(").append(accessor(level, field, scope)).append(")")
                .append(".setter(").append(accessor(level, field, scope)).append(")")
                .append(".scope(").append(scope).append(")");
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            text.append('.').append(entry.getKey().getSimpleName()).append('(').append(constant(entry.getValue())).append(')');
        }
        text.append(";\n");
        for (TypeElement groupLevel : hierarchy(type)) {
            text.append(members(groupLevel, builder, groupScope, typeName, true, indent));
        }
        text.append(indent).append(target).append(".addArgGroup(").append(builder).append(".build());\n");
        return text.toString();
    }

    /** One OptionSpec or PositionalParamSpec, as OptionSpec.Builder(Option, ...) and PositionalParamSpec.Builder read them. */
    private String arg(TypeElement level, VariableElement field, String scope, String access) {
        String accessor = accessor(level, field, scope);
        return argAttributes(field, field.asType(), field.getSimpleName().toString())
                + ".initialValue(" + access + ").hasInitialValue(true)"
                + ".getter(" + accessor + ").setter(" + accessor + ")"
                + ".scope(" + scope + ")"
                + ".withToString(" + literal(toString(field)) + ")"
                + ".build()";
    }

    /** An @Option on a setter method: picocli calls it with each value and keeps no initial value. */
    private String setterArg(ExecutableElement method, String scope, String accessor) {
        VariableElement parameter = method.getParameters().get(0);
        String name = method.getSimpleName().toString();
        if (name.length() > 3 && (name.startsWith("set") || name.startsWith("get"))) {
            name = Character.toLowerCase(name.charAt(3)) + name.substring(4);
        } else if (name.length() > 2 && name.startsWith("is")) {
            name = Character.toLowerCase(name.charAt(2)) + name.substring(3);
        }
        return argAttributes(method, parameter.asType(), name)
                + ".hasInitialValue(false)"
                + ".getter(" + accessor + ").setter(" + accessor + ")"
                + ".scope(" + scope + ")"
                + ".withToString(" + literal("method " + abbreviate(methodString(method))) + ")"
                + ".build()";
    }

    private String methodString(ExecutableElement method) {
        StringBuilder text = new StringBuilder();
        for (Modifier modifier : List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.ABSTRACT,
                Modifier.STATIC, Modifier.FINAL, Modifier.SYNCHRONIZED, Modifier.NATIVE)) {
            if (method.getModifiers().contains(modifier)) {
                text.append(modifier).append(' ');
            }
        }
        List<String> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            parameters.add(typeName(parameter.asType()));
        }
        return text.append(typeName(method.getReturnType())).append(' ')
                .append(binaryName((TypeElement) method.getEnclosingElement())).append('.').append(method.getSimpleName())
                .append('(').append(String.join(",", parameters)).append(')').toString();
    }

    /** What OptionSpec.Builder(Option, ...) and PositionalParamSpec.Builder read from the annotation and the type. */
    private String argAttributes(Element field, TypeMirror type, String memberName) {
        boolean option = annotation(field, "Option") != null;
        AnnotationMirror annotation = annotation(field, option ? "Option" : "Parameters");
        checkAttributes(field, annotation, option ? OPTION_ATTRIBUTES : PARAMETERS_ATTRIBUTES);
        StringBuilder text = new StringBuilder();
        if (option) {
            text.append("OptionSpec.builder(").append(literals(value(annotation, "names"))).append(")");
        } else {
            text.append("PositionalParamSpec.builder()");
        }
        String arity = string(annotation, "arity", "");
        boolean multi = isMultiValue(type);
        String effectiveArity;
        if (arity.isEmpty()) {
            effectiveArity = option ? (isBoolean(type) || (multi && isBoolean(elementType(type))) ? "0" : "1")
                    : (multi ? "0..1" : "1");
            text.append(".arity(Range.valueOf(").append(literal(effectiveArity)).append(").unspecified(true))");
        } else {
            effectiveArity = arity;
            text.append(".arity(").append(literal(arity)).append(")");
        }
        if (!option) {
            text.append(".required(").append(!effectiveArity.startsWith("0")).append(")");
            String index = string(annotation, "index", "");
            if (!index.isEmpty()) {
                text.append(".index(").append(literal(index)).append(")");
            }
        }
        if (value(annotation, "descriptionKey") == null) {
            text.append(".descriptionKey(\"\")");
        }
        String label = string(annotation, "paramLabel", "");
        text.append(".paramLabel(").append(literal(label.isEmpty() ? "<" + memberName + ">" : label.trim())).append(")");
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            String attribute = entry.getKey().getSimpleName().toString();
            AnnotationValue value = entry.getValue();
            switch (attribute) {
                case "names", "arity", "paramLabel", "index" -> { }
                case "description" -> text.append(".description(").append(literals(value)).append(")");
                case "converter" -> {
                    List<String> converters = new ArrayList<>();
                    for (AnnotationValue converter : list(value)) {
                        converters.add("new " + name((TypeMirror) converter.getValue()) + "()");
                    }
                    text.append(".converters(").append(String.join(", ", converters)).append(")");
                }
                case "completionCandidates" -> text.append(".completionCandidates(new ")
                        .append(name((TypeMirror) value.getValue())).append("())");
                case "split" -> text.append(".splitRegex(").append(constant(value)).append(")");
                case "defaultValue" -> text.append(".defaultValue(").append(constant(value)).append(")");
                case "fallbackValue" -> text.append(".fallbackValue(").append(constant(value)).append(")");
                default -> text.append('.').append(attribute).append('(').append(constant(value)).append(')');
            }
        }
        text.append(typeInfo(type));
        return text.toString();
    }

    /** The type and auxiliary types picocli's RuntimeTypeInfo infers from the field's declared type. */
    private String typeInfo(TypeMirror type) {
        String raw = rawName(type);
        List<String> auxiliary = new ArrayList<>();
        if (type instanceof ArrayType array) {
            auxiliary.add(rawName(array.getComponentType()) + ".class");
        } else if (isMultiValue(type) || isOptional(type)) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            if (arguments.isEmpty()) {
                auxiliary.add("String.class");
                auxiliary.add("String.class");
            }
            for (TypeMirror argument : arguments) {
                if (argument.getKind() != TypeKind.DECLARED) {
                    throw new IllegalStateException(type + ": only plain type arguments are translated");
                }
                auxiliary.add(rawName(argument) + ".class");
            }
        } else {
            auxiliary.add(raw + ".class");
        }
        return ".type(" + raw + ".class).auxiliaryTypes(" + String.join(", ", auxiliary) + ")";
    }

    private String accessor(TypeElement owner, Element field, String scope) {
        List<Element> fields = accessed.computeIfAbsent(owner, key -> new ArrayList<>());
        int index = fields.indexOf(field);
        if (index < 0) {
            fields.add(field);
            index = fields.size() - 1;
        }
        return "new " + accessorName(owner) + "(" + scope + ", " + index + ")";
    }

    private String accessorName(TypeElement owner) {
        return owner.getQualifiedName().toString().substring(TARGET_PACKAGE.length() + 1).replace('.', '_') + "Access";
    }

    /** One class reading and writing the picocli fields of {@code owner} through a scope, by number: no reflection, no lambdas. */
    private String accessor(TypeElement owner, List<Element> fields) {
        String name = accessorName(owner);
        String type = name(owner.asType());
        StringBuilder get = new StringBuilder();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            Element field = fields.get(i);
            if (field instanceof ExecutableElement method) {
                TypeMirror parameter = method.getParameters().get(0).asType();
                String value = parameter.getKind().isPrimitive() ? boxed(parameter) : name(parameter);
                get.append("                case ").append(i).append(": return (T) last;\n");
                set.append("                case ").append(i).append(": o.").append(field.getSimpleName()).append("((")
                        .append(value).append(") (Object) value); last = value; break;\n");
                continue;
            }
            String value = field.asType().getKind().isPrimitive() ? boxed(field.asType()) : name(field.asType());
            get.append("                case ").append(i).append(": return (T) (Object) o.").append(field.getSimpleName()).append(";\n");
            set.append("                case ").append(i).append(": o.").append(field.getSimpleName()).append(" = (")
                    .append(value).append(") (Object) value; break;\n");
        }
        return "    /** Reads and writes the picocli fields of {@code " + owner.getSimpleName() + "}. */\n"
                + "    private static final class " + name + " implements IGetter, ISetter {\n"
                + "        private final IScope scope;\n"
                + "        private final int field;\n"
                + "        /** The last value given to a setter method, which is what picocli reads back from it. */\n"
                + "        private Object last;\n\n"
                + "        " + name + "(IScope scope, int field) {\n"
                + "            this.scope = scope;\n"
                + "            this.field = field;\n"
                + "        }\n\n"
                + "        @Override\n"
                + "        public <T> T get() throws Exception {\n"
                + "            " + type + " o = scope.get();\n"
                + "            switch (field) {\n" + get
                + "                default: throw new IllegalStateException(\"no field \" + field);\n"
                + "            }\n"
                + "        }\n\n"
                + "        @Override\n"
                + "        public <T> T set(T value) throws Exception {\n"
                + "            T previous = get();\n"
                + "            " + type + " o = scope.get();\n"
                + "            switch (field) {\n" + set
                + "                default: throw new IllegalStateException(\"no field \" + field);\n"
                + "            }\n"
                + "            return previous;\n"
                + "        }\n"
                + "    }\n\n";
    }

    private String helpers() {
        StringBuilder factory = new StringBuilder();
        for (TypeElement type : created) {
            factory.append("            if (type == ").append(name(type.asType())).append(".class) {\n")
                    .append("                return (K) new ").append(name(type.asType())).append("();\n")
                    .append("            }\n");
        }
        return "    /** What picocli would find by reflection: the object an option group's options are set on, picocli's own classes. */\n"
                + "    static final CommandLine.IFactory FACTORY = new CommandLine.IFactory() {\n"
                + "        @Override\n"
                + "        public <K> K create(Class<K> type) throws Exception {\n" + factory
                + "            return CommandLine.defaultFactory().create(type);\n"
                + "        }\n"
                + "    };\n\n"
                + "    /** The type information picocli keeps for an option group, from picocli's own inference for a value of that type. */\n"
                + "    private static ITypeInfo typeOf(Class<?> type) {\n"
                + "        return OptionSpec.builder(\"-g\").type(type).build().typeInfo();\n"
                + "    }\n\n"
                + "    /** mixinStandardHelpOptions = true: picocli's -h and -V, as its AutoHelpMixin declares them. */\n"
                + "    private static void standardHelpOptions(CommandSpec spec) {\n"
                + "        if (spec.optionsMap().containsKey(\"-h\") || spec.optionsMap().containsKey(\"--help\")\n"
                + "                || spec.optionsMap().containsKey(\"-V\") || spec.optionsMap().containsKey(\"--version\")) {\n"
                + "            return;\n"
                + "        }\n"
                + "        boolean[] requested = new boolean[2];\n"
                + "        IScope scope = new Scope(requested);\n"
                + "        CommandSpec mixin = CommandSpec.wrapWithoutInspection(requested, FACTORY);\n"
                + "        mixin.addOption(OptionSpec.builder(\"${picocli.help.name.0:--h}\", \"${picocli.help.name.1:---help}\")\n"
                + "                .usageHelp(true).descriptionKey(\"mixinStandardHelpOptions.help\")\n"
                + "                .description(\"Show this help message and exit.\").arity(Range.valueOf(\"0\").unspecified(true))\n"
                + "                .paramLabel(\"<helpRequested>\").type(boolean.class).auxiliaryTypes(boolean.class)\n"
                + "                .initialValue(false).hasInitialValue(true).getter(new Flag(scope, 0)).setter(new Flag(scope, 0))\n"
                + "                .scope(scope).withToString(\"field boolean picocli.CommandLine$AutoHelpMixin.helpRequested\").build());\n"
                + "        mixin.addOption(OptionSpec.builder(\"${picocli.version.name.0:--V}\", \"${picocli.version.name.1:---version}\")\n"
                + "                .versionHelp(true).descriptionKey(\"mixinStandardHelpOptions.version\")\n"
                + "                .description(\"Print version information and exit.\").arity(Range.valueOf(\"0\").unspecified(true))\n"
                + "                .paramLabel(\"<versionRequested>\").type(boolean.class).auxiliaryTypes(boolean.class)\n"
                + "                .initialValue(false).hasInitialValue(true).getter(new Flag(scope, 1)).setter(new Flag(scope, 1))\n"
                + "                .scope(scope).withToString(\"field boolean picocli.CommandLine$AutoHelpMixin.versionRequested\").build());\n"
                + "        spec.addMixin(\"mixinStandardHelpOptions\", mixin);\n"
                + "    }\n\n"
                + "    /** One of the two flags of the standard help options. */\n"
                + "    private static final class Flag implements IGetter, ISetter {\n"
                + "        private final IScope scope;\n"
                + "        private final int index;\n\n"
                + "        Flag(IScope scope, int index) {\n"
                + "            this.scope = scope;\n"
                + "            this.index = index;\n"
                + "        }\n\n"
                + "        @Override\n"
                + "        public <T> T get() throws Exception {\n"
                + "            boolean[] flags = scope.get();\n"
                + "            return (T) (Object) flags[index];\n"
                + "        }\n\n"
                + "        @Override\n"
                + "        public <T> T set(T value) throws Exception {\n"
                + "            T previous = get();\n"
                + "            boolean[] flags = scope.get();\n"
                + "            flags[index] = (Boolean) (Object) value;\n"
                + "            return previous;\n"
                + "        }\n"
                + "    }\n\n"
                + "    /** The object a command's, mixin's or group's options are read from and written to. */\n"
                + "    private static final class Scope implements IScope {\n"
                + "        private Object value;\n\n"
                + "        Scope(Object value) {\n"
                + "            this.value = value;\n"
                + "        }\n\n"
                + "        @Override\n"
                + "        public <T> T get() {\n"
                + "            return (T) value;\n"
                + "        }\n\n"
                + "        @Override\n"
                + "        public <T> T set(T value) {\n"
                + "            T previous = (T) this.value;\n"
                + "            this.value = value;\n"
                + "            return previous;\n"
                + "        }\n"
                + "    }\n\n";
    }

    // ---- reading the annotations

    private boolean hasPicocli(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.startsWith(PICOCLI)) {
                return true;
            }
        }
        return false;
    }

    private AnnotationMirror annotation(Element element, String simpleName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(PICOCLI + simpleName)) {
                return mirror;
            }
        }
        return null;
    }

    private void checkAttributes(Element element, AnnotationMirror annotation, Set<String> translated) {
        for (ExecutableElement attribute : annotation.getElementValues().keySet()) {
            if (!translated.contains(attribute.getSimpleName().toString())) {
                throw new IllegalStateException(element + ": @" + annotation.getAnnotationType().asElement().getSimpleName()
                        + "(" + attribute.getSimpleName() + " = ...) is not translated by CommandModelProcessor; add it there");
            }
        }
    }

    private AnnotationValue value(AnnotationMirror annotation, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private String string(AnnotationMirror annotation, String attribute, String otherwise) {
        AnnotationValue value = value(annotation, attribute);
        return value == null ? otherwise : (String) value.getValue();
    }

    private boolean bool(AnnotationMirror annotation, String attribute, boolean otherwise) {
        AnnotationValue value = value(annotation, attribute);
        return value == null ? otherwise : (Boolean) value.getValue();
    }

    private List<String> strings(AnnotationMirror annotation, String attribute) {
        AnnotationValue value = value(annotation, attribute);
        List<String> strings = new ArrayList<>();
        if (value != null) {
            for (AnnotationValue item : list(value)) {
                strings.add((String) item.getValue());
            }
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static List<? extends AnnotationValue> list(AnnotationValue value) {
        return value.getValue() instanceof List<?> ? (List<? extends AnnotationValue>) value.getValue() : List.of(value);
    }

    // ---- types

    /** The class and its superclasses that hold picocli annotations, topmost first, as picocli walks them. */
    private List<TypeElement> hierarchy(TypeElement type) {
        List<TypeElement> levels = new ArrayList<>();
        for (TypeElement level = type; level != null; ) {
            levels.add(0, level);
            TypeMirror superclass = level.getSuperclass();
            level = superclass.getKind() == TypeKind.DECLARED
                    ? (TypeElement) processingEnv.getTypeUtils().asElement(superclass) : null;
            if (level != null && level.getQualifiedName().contentEquals("java.lang.Object")) {
                level = null;
            }
        }
        return levels;
    }

    private boolean isMultiValue(TypeMirror type) {
        return type instanceof ArrayType || isSubtype(type, "java.util.Collection") || isSubtype(type, "java.util.Map");
    }

    private boolean isOptional(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && rawName(type).equals("java.util.Optional");
    }

    private boolean isSubtype(TypeMirror type, String name) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeMirror erased = processingEnv.getTypeUtils().erasure(type);
        TypeMirror other = processingEnv.getTypeUtils().erasure(processingEnv.getElementUtils().getTypeElement(name).asType());
        return processingEnv.getTypeUtils().isAssignable(erased, other);
    }

    private TypeMirror elementType(TypeMirror type) {
        if (type instanceof ArrayType array) {
            return array.getComponentType();
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return arguments.isEmpty() ? processingEnv.getElementUtils().getTypeElement("java.lang.String").asType() : arguments.get(0);
    }

    private boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || (type.getKind() == TypeKind.DECLARED && rawName(type).equals("java.lang.Boolean"));
    }

    private String boxed(TypeMirror primitive) {
        return processingEnv.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) primitive).getQualifiedName().toString();
    }

    /** The type as Java source names it. */
    private String name(TypeMirror type) {
        return type.toString();
    }

    private String rawName(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return type.toString();
        }
        if (type instanceof ArrayType array) {
            return rawName(array.getComponentType()) + "[]";
        }
        return ((TypeElement) processingEnv.getTypeUtils().asElement(type)).getQualifiedName().toString();
    }

    /** A class's name as the JVM knows it, nested classes after a '$'. */
    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private String typeName(TypeMirror type) {
        if (type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID) {
            return type.toString();
        }
        if (type instanceof ArrayType array) {
            return typeName(array.getComponentType()) + "[]";
        }
        DeclaredType declared = (DeclaredType) type;
        StringBuilder text = new StringBuilder(binaryName((TypeElement) declared.asElement()));
        if (!declared.getTypeArguments().isEmpty()) {
            List<String> arguments = new ArrayList<>();
            for (TypeMirror argument : declared.getTypeArguments()) {
                arguments.add(typeName(argument));
            }
            text.append('<').append(String.join(", ", arguments)).append('>');
        }
        return text.toString();
    }

    /** {@code java.lang.reflect.Field.toGenericString()}: what picocli's reflective model names the field by. */
    private String genericString(VariableElement field) {
        StringBuilder text = new StringBuilder();
        for (Modifier modifier : List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL, Modifier.TRANSIENT, Modifier.VOLATILE)) {
            if (field.getModifiers().contains(modifier)) {
                text.append(modifier).append(' ');
            }
        }
        return text.append(typeName(field.asType())).append(' ')
                .append(binaryName((TypeElement) field.getEnclosingElement())).append('.').append(field.getSimpleName())
                .toString();
    }

    /** The ArgSpec's toString as picocli's reflective model gives it (TypedMember.getToString). */
    private String toString(VariableElement field) {
        return "field " + abbreviate(genericString(field));
    }

    /** picocli's CommandLine.abbreviate: every dotted name shortened to its last part. */
    private static String abbreviate(String text) {
        return text.replace("private ", "").replace("protected ", "").replace("public ", "")
                .replace("java.lang.", "");
    }

    private static String packageOf(TypeElement type) {
        Element element = type;
        while (!(element instanceof PackageElement)) {
            element = element.getEnclosingElement();
        }
        return ((PackageElement) element).getQualifiedName().toString();
    }

    // ---- writing Java

    private String constant(AnnotationValue value) {
        Object constant = value.getValue();
        if (constant instanceof String text) {
            return literal(text);
        }
        if (constant instanceof VariableElement enumConstant) {
            return name(enumConstant.asType()) + "." + enumConstant.getSimpleName();
        }
        if (constant instanceof TypeMirror type) {
            return name(type) + ".class";
        }
        return value.toString();
    }

    private String literals(AnnotationValue value) {
        List<String> literals = new ArrayList<>();
        for (AnnotationValue item : list(value)) {
            literals.add(constant(item));
        }
        return String.join(", ", literals);
    }

    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }
}
