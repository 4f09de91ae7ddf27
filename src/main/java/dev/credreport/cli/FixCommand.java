package dev.credreport.cli;

import dev.credreport.report.UntrustedText;
import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.Finding;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.IamConnection;
import dev.credreport.aws.IamFixCalls;
import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.fix.Action;
import dev.credreport.fix.Applier;
import dev.credreport.fix.ExceptedCredentials;
import dev.credreport.fix.Exemptions;
import dev.credreport.fix.IamFixes;
import dev.credreport.fix.Outcome;
import dev.credreport.fix.Plan;
import dev.credreport.fix.PlanJson;
import dev.credreport.fix.Planner;
import dev.credreport.fix.Result;
import dev.credreport.fix.Safety;
import dev.credreport.io.AtomicFileWriter;
import dev.credreport.multi.AccountConnections;
import dev.credreport.multi.AccountRun;
import dev.credreport.multi.FetchPlan;
import dev.credreport.multi.AccountSink;
import dev.credreport.render.Format;
import dev.credreport.render.Formats;
import dev.credreport.render.RenderContext;
import dev.credreport.report.Account;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportRows;
import dev.credreport.report.UserCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credreport fix plan | apply | undo} (issue 25): from findings to a reviewed plan, applied safely. */
@Command(name = "fix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Turn audit findings into a plan a person reviews (fix plan), apply exactly that plan with re-checks "
                    + "(fix apply), and reactivate what an apply deactivated (fix undo).",
            "",
            "Only credentials not in use are acted on: keys are deactivated first and deleted only after --quarantine "
                    + "days inactive; deletions cannot be undone. Root and keys in use become steps for people."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  credreport fix plan -o plan.json          review the printed table, then",
            "  credreport fix apply plan.json            asks first; --yes in automation",
            "  credreport fix undo plan.result.json      reactivates what it deactivated",
            "",
            "Exit codes: 0 all done, 10 some actions skipped because facts changed, 2 usage, 4 AWS refused, "
                    + "6 AWS or network failure, 7 unreadable plan or report, 8 result not written, 9 some accounts failed, 1 bug; "
                    + "stopped by SIGTERM 143, Ctrl-C 130 (the result file names each action done or not started)."
        })
final class FixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "fix needs a subcommand: plan, apply or undo (credreport fix --help)");
    }

    /** The command with its subcommands, each built with the environment, their models by {@code models}. */
    static picocli.CommandLine create(Environment environment, java.util.function.Function<Object, picocli.CommandLine> models) {
        picocli.CommandLine fix = models.apply(new FixCommand());
        fix.addSubcommand("plan", models.apply(new PlanCommand(environment)));
        fix.addSubcommand("apply", models.apply(new ApplyCommand(environment)));
        fix.addSubcommand("undo", models.apply(new UndoCommand(environment)));
        return fix;
    }

    /** Options apply and undo share: the connection, the result file, confirmation. */
    abstract static class Acting {
        final Environment environment;

        @Spec
        CommandSpec spec;

        @Option(names = "--yes", order = 1, description = "Act without asking. Needed when standard input is not a terminal "
                + "(exit 2 without it, before any AWS call).")
        boolean yes;

        @Option(names = "--dry-run", order = 2, description = "Re-check every action and change nothing.")
        boolean dryRun;

        @Option(names = "--result", paramLabel = "FILE", converter = PathConverter.class, order = 3,
                description = "Where the result file goes (rewritten atomically after every action). "
                        + "Default: beside the plan, its name ending in .result.json (.dry-run.json with --dry-run; for undo "
                        + ".undo.json). A file holding a result with done actions is never overwritten (exit 2).")
        Path result;

        @Option(names = "--max-actions", paramLabel = "N", defaultValue = "50", order = 4,
                description = "Act on at most N actions; the rest are skipped. Default: ${DEFAULT-VALUE}.")
        int maxActions = Safety.MAX_ACTIONS;

        @ArgGroup(validate = false, heading = "%nMany accounts (an Organization):%n", order = 7)
        MultiAccountOptions multi = new MultiAccountOptions();

        @ArgGroup(validate = false, heading = "%nAWS connection (the AWS CLI's options and variables):%n", order = 20)
        AwsOptions aws = new AwsOptions();

        @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
        CommonOptions common = new CommonOptions();

        /** Set by tests: runs after each recorded action. */
        Runnable afterEachAction = () -> { };

        Acting(Environment environment) {
            this.environment = environment;
        }

        /** The exceptions file the apply honours; none for undo, which only restores. */
        Exemptions exemptions() {
            return Exemptions.NONE;
        }

        int run(Path planFile, Plan plan, List<Action> actions, String verb) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (maxActions < 1) {
                throw CredreportException.usage("--max-actions takes 1 or more");
            }
            Path resultFile = result != null ? result : defaultResult(planFile, dryRun);
            keepEarlierResult(planFile, resultFile);
            AtomicFileWriter.checkTarget(resultFile);
            if (actions.isEmpty()) {
                out.println("Nothing to " + verb + ".");
                return ExitCode.SUCCESS.code();
            }
            if (!dryRun && !confirm(actions, verb, out, err)) {
                err.println("credreport: nothing changed");
                return ExitCode.SUCCESS.code();
            }
            AwsSettings settings = aws.toSettings(environment);
            Map<String, IamFixes> opened = new HashMap<>();
            Stop stop = new Stop();
            // The result as last written: what a stopped or failed apply says it did.
            Result[] recorded = {null};
            Thread hook = new Thread(stop::stopAndWait, "credreport-fix-stop");
            // One account: the caller's own credentials. Several (a plan over an Organization): each reached as the
            // per-account loop reaches it (--role-name, --role-arn-template, --external-id, the run's throttle).
            Set<String> accounts = new LinkedHashSet<>();
            actions.forEach(action -> accounts.add(action.account()));
            Duration patience = multi.throttlePatience != null ? multi.throttlePatience : FetchPlan.DEFAULT_THROTTLE_PATIENCE;
            // A plan of one account, with no role named, is acted on with the caller's own credentials: only when
            // they are of the plan's account (a plan is never applied in whatever account the credentials are of).
            boolean withRoles = accounts.size() > 1 || multi.rolesGiven();
            try (AccountConnections connections = withRoles
                    ? AccountConnections.withRoles(settings, multi.roles(), patience,
                            multi.accountTimeout != null ? multi.accountTimeout : FetchPlan.DEFAULT_ACCOUNT_TIMEOUT,
                            environment.clock())
                    : AccountConnections.caller(settings, patience, environment.clock())) {
                if (!withRoles) {
                    checkCallerAccount(accounts, connections.callerAccount());
                }
                // Every account is reached before the first change: a role that cannot be assumed stops the apply
                // with nothing done, not half-way through the plan.
                accounts.forEach(connections::iam);
                Runtime.getRuntime().addShutdownHook(hook);
                Applier applier = new Applier(account -> opened.computeIfAbsent(account,
                        id -> new IamFixCalls(connections.iam(id), connections.throttle())),
                        exemptions(), environment.clock(), maxActions, plan.quarantine(), dryRun,
                        done -> {
                            write(resultFile, done, plan);
                            recorded[0] = done;
                        }, () -> {
                            afterEachAction.run();
                            stop.check();
                        });
                Result start = new Result(planFile.toString(), environment.clock().instant(), dryRun, false, List.of());
                write(resultFile, start, plan);
                Result done;
                try {
                    done = applier.apply(start, actions, plan.minIdle());
                } catch (CredreportException e) {
                    // AWS refused or failed: what was done before it is said as after a whole apply.
                    printOutcomes(out, recorded[0]);
                    out.flush();
                    throw e;
                }
                // Finished: a signal from now on need not wait for anything.
                stop.idle();
                printOutcomes(out, done);
                if (!common.quiet) {
                    // "(dry run)" only when it was one: after real changes it would say nothing was changed.
                    err.println("credreport: " + (dryRun ? done.count(Outcome.State.CHECKED) + " checked (dry run), "
                            : done.count(Outcome.State.DONE) + " done, ") + done.count(Outcome.State.SKIPPED)
                            + " skipped; result in " + resultFile);
                }
                return done.count(Outcome.State.SKIPPED) > 0 ? ExitCode.SOME_SKIPPED.code() : ExitCode.SUCCESS.code();
            } catch (Stop.Stopped e) {
                // Said before the stop hook is let go: the JVM halts as soon as it returns. The actions decided are
                // said as after a whole apply; those not started are in the result file.
                printOutcomes(out, recorded[0]);
                out.flush();
                err.println("credreport: stopped; the result file " + resultFile + " names every action done and every one not started");
                err.flush();
                return 128 + 15;
            } finally {
                stop.idle();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // Shutting down already: the hook is running.
                }
            }
        }

        /** One line per action decided (done, skipped, checked, failed); none for those not started. */
        private static void printOutcomes(PrintWriter out, Result result) {
            if (result == null) {
                return;
            }
            for (Outcome outcome : result.outcomes()) {
                if (outcome.state() != Outcome.State.NOT_STARTED) {
                    out.println(outcome.action().id() + "  " + outcome.state().jsonName() + "  " + outcome.action().credential()
                            + (outcome.why().isEmpty() ? "" : ": " + outcome.why()));
                }
            }
        }

        /** Refuses, before any change, actions of an account other than the one the caller's credentials are of. */
        private static void checkCallerAccount(Set<String> accounts, String caller) {
            for (String account : accounts) {
                if (account.isEmpty()) {
                    throw CredreportException.usage("the plan names no account for its actions, so credreport cannot check "
                            + "it acts in the right one; nothing changed: make a new plan with 'credreport fix plan'");
                }
                if (!account.equals(caller)) {
                    throw CredreportException.usage("the plan is for account " + UntrustedText.escape(account)
                            + " but the credentials are of account " + caller + "; nothing changed: use --profile of a profile "
                            + "in account " + UntrustedText.escape(account) + ", or assume a role in it with --role-name or "
                            + "--role-arn-template");
                }
            }
        }

        private boolean confirm(List<Action> actions, String verb, PrintWriter out, PrintWriter err) {
            if (yes) {
                return true;
            }
            if (!environment.stdinIsTerminal()) {
                throw CredreportException.usage("standard input is not a terminal, so credreport cannot ask: pass --yes to "
                        + verb + " " + actions.size() + " action(s), or --dry-run to only re-check");
            }
            for (Action action : actions) {
                out.println(action.id() + "  " + action.kind().jsonName() + "  " + action.credential() + "  (" + action.note() + ")");
            }
            out.print(verb + " these " + actions.size() + " action(s)? [y/N] ");
            out.flush();
            try {
                String answer = new BufferedReader(new InputStreamReader(environment.stdin(), StandardCharsets.UTF_8)).readLine();
                String said = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
                return said.equals("y") || said.equals("yes");
            } catch (IOException e) {
                return false;
            }
        }

        private static void write(Path file, Result result, Plan plan) {
            try {
                AtomicFileWriter.write(file, writer -> PlanJson.write(result, plan, writer));
            } catch (CredreportException e) {
                // A signal's clean-up of temporary files (io.TemporaryFiles) runs beside the stop hook and may take
                // the temporary file of a write in progress: write once more, so that what was done is recorded.
                AtomicFileWriter.write(file, writer -> PlanJson.write(result, plan, writer));
            }
        }

        /** The result file when --result is not given: beside the file acted on, a dry run's its own. */
        abstract Path defaultResult(Path file, boolean dryRun);

        /** The file beside {@code file}, its name's .json replaced by {@code ending}. */
        static Path beside(Path file, String ending) {
            String name = file.getFileName().toString();
            String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
            return file.toAbsolutePath().getParent().resolve(base + ending);
        }

        /**
         * Refuses, before any AWS call, a result file that is the plan itself, another plan, or the result of an apply
         * that changed something (its undo plan is the only record of what to reactivate): never overwritten.
         */
        static void keepEarlierResult(Path planFile, Path resultFile) {
            boolean same;
            try {
                same = Files.exists(resultFile) ? Files.isSameFile(planFile, resultFile)
                        : planFile.toAbsolutePath().normalize().equals(resultFile.toAbsolutePath().normalize());
            } catch (IOException e) {
                same = false;
            }
            String shown = UntrustedText.escape(resultFile.toString());
            if (same) {
                throw CredreportException.usage("--result " + shown + " is the file being applied; nothing changed: give "
                        + "another file, --result NEWFILE");
            }
            if (!Files.isRegularFile(resultFile)) {
                return;
            }
            String kind;
            List<Outcome> earlier;
            try (Reader reader = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
                kind = PlanJson.kindOf(reader, resultFile.toString());
            } catch (IOException | CredreportException e) {
                return;
            }
            if (PlanJson.PLAN_KIND.equals(kind)) {
                throw CredreportException.usage(shown + " is a fix plan, which the result would overwrite; nothing changed: "
                        + "give the result another file, --result NEWFILE");
            }
            if (!PlanJson.RESULT_KIND.equals(kind)) {
                return;
            }
            try (Reader reader = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
                earlier = PlanJson.readOutcomes(reader, resultFile.toString());
            } catch (IOException | RuntimeException e) {
                return;
            }
            long done = earlier.stream().filter(outcome -> outcome.state() == Outcome.State.DONE).count();
            if (done > 0) {
                throw CredreportException.usage(shown + " holds the result of an earlier apply that made " + done
                        + " change(s), and its undo plan; nothing changed: keep it, and give this run another file, "
                        + "--result NEWFILE");
            }
        }

        /** Reads a plan (apply) or the undo plan of a result file (undo), refusing a file of the other kind. */
        static Plan read(Path file, boolean undo) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return undo ? PlanJson.readUndo(reader, file.toString()) : PlanJson.readPlan(reader, file.toString());
            } catch (NoSuchFileException e) {
                throw CredreportException.badInput(UntrustedText.escape(file.toString()) + ": no such file; give the file "
                        + "'credreport fix plan -o FILE' wrote (or the result file of an apply, for undo)");
            } catch (IOException e) {
                throw CredreportException.badInput("cannot read " + UntrustedText.escape(file.toString()) + ": "
                        + CredreportException.firstLine(e.getMessage()), e);
            }
        }
    }

    /**
     * What a SIGTERM or Ctrl-C does mid-apply: the hook asks the apply to stop after the action in hand and
     * waits for that action's result to be written; it writes nothing itself.
     */
    static final class Stop {
        static final class Stopped extends RuntimeException {
            Stopped() {
                super("stopped by a signal (SIGTERM, SIGINT or SIGHUP)", null, false, false);
            }
        }

        private volatile boolean stopping;
        private final CountDownLatch idle = new CountDownLatch(1);

        void stopAndWait() {
            stopping = true;
            try {
                idle.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void check() {
            if (stopping) {
                throw new Stopped();
            }
        }

        void idle() {
            idle.countDown();
        }
    }

    /** The exceptions file as the safety rule asks it: any entry in force, for any rule, protects its credentials. */
    static Exemptions exempted(dev.credreport.audit.Exceptions exceptions, Environment environment) {
        return new ExceptedCredentials(exceptions, dev.credreport.audit.rules.Rules.all().stream()
                .map(dev.credreport.audit.Rule::info).toList(), environment.clock());
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
            description = {"Read the report (fetched as 'fetch' does, or --input) and the audit's findings, and write a plan "
                    + "(-o FILE, JSON) of one action per credential not in use; print it for people."})
    static final class PlanCommand implements Callable<Integer> {
        private final Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        ReportSourceOptions source;

        @ArgGroup(validate = false, heading = "%nRules:%n", order = 5)
        RuleOptions rules = new RuleOptions();

        @Option(names = "--min-idle", paramLabel = "DAYS", defaultValue = "7", order = 6,
                description = "Never act on a credential used within DAYS of now (the real clock, not --as-of). "
                        + "Default: ${DEFAULT-VALUE}.")
        int minIdle = 7;

        @Option(names = "--quarantine", paramLabel = "DAYS", defaultValue = "30", order = 6,
                description = "Plan deleting a key only when credreport deactivated it at least DAYS ago (a tag on the user) "
                        + "and it is inactive now. Default: ${DEFAULT-VALUE}.")
        int quarantine = 30;

        @Option(names = "--max-actions", paramLabel = "N", defaultValue = "50", order = 6,
                description = "Plan at most N actions; the rest are listed for a later plan. Default: ${DEFAULT-VALUE}.")
        int maxActions = Safety.MAX_ACTIONS;

        @ArgGroup(validate = false, heading = "%nMany accounts (an Organization):%n", order = 7)
        MultiAccountOptions multi = new MultiAccountOptions();

        @Option(names = "--format", paramLabel = "FORMAT", order = 9,
                description = "How the plan is printed: table, markdown (for a change ticket) or json. Default: table.")
        String format = "table";

        @Mixin
        WidthOption width = new WidthOption();

        @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
        OutputOptions output = new OutputOptions();

        @ArgGroup(validate = false, heading = "%nDiagnostics:%n", order = 30)
        CommonOptions common = new CommonOptions();

        PlanCommand(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Format<Plan> shown = Formats.plans().find(format).orElseThrow(() -> CredreportException.usage(
                    "--format takes " + Formats.plans().choices() + ", not " + format));
            if (minIdle < 0 || quarantine < 1 || maxActions < 1) {
                throw CredreportException.usage("--min-idle takes 0 or more days, --quarantine and --max-actions 1 or more");
            }
            Auditor auditor = rules.auditor();
            multi.check();
            output.check();
            width.check();
            Planner planner = new Planner(Duration.ofDays(minIdle), Duration.ofDays(quarantine),
                    exempted(ExceptionsReading.read(rules, source.aws, environment), environment), environment.clock());
            Instant[] asOf = {null};
            int code = ExitCode.SUCCESS.code();
            AwsSettings settings = source.aws.toSettings(environment);
            if (multi.active()) {
                AccountRun.Outcome outcome = AccountRuns.run(environment, err, source, multi, common.quiet, new AccountSink() {
                    @Override
                    public void account(Account account, ReportInput report, AccountAccess access) throws IOException {
                        try (IamConnection iam = access.iamIn(account.id())) {
                            asOf[0] = addAccount(planner, auditor, report, account.id(), new IamFixCalls(iam, access.throttle()));
                        }
                    }
                });
                code = outcome.report(err, common.quiet);
            } else {
                try (ReportInput report = ReportReading.read(source, environment, err, common.quiet);
                        AccountConnections iam = AccountConnections.caller(settings, FetchPlan.DEFAULT_THROTTLE_PATIENCE,
                                environment.clock())) {
                    asOf[0] = addAccount(planner, auditor, report, null, new IamFixCalls(iam.iam(""), iam.throttle()));
                }
            }
            Plan plan = cap(planner.plan(asOf[0]));
            // The plan for people is printed on standard output whatever -o names (the file gets the JSON).
            RenderContext context = new RenderContext(environment.clock(), shown.forPeople()
                    ? width.columns(environment, environment.stdoutIsTerminal()) : 0);
            if (output.toStdout()) {
                shown.write(plan, out, context);
            } else {
                output.target().write(out, writer -> PlanJson.write(plan, writer));
                // Printed with --quiet too: it quiets standard error only, and this is the plan to review.
                shown.write(plan, out, context);
            }
            out.flush();
            return code;
        }

        private Plan cap(Plan plan) {
            if (plan.actions().size() <= maxActions) {
                return plan;
            }
            List<String> steps = new ArrayList<>(plan.manualSteps());
            for (Action left : plan.actions().subList(maxActions, plan.actions().size())) {
                steps.add(left.credential() + ": " + left.kind().jsonName() + " left for a later plan (--max-actions " + maxActions + ")");
            }
            return new Plan(plan.created(), plan.asOf(), plan.minIdle(), plan.quarantine(),
                    plan.actions().subList(0, maxActions), steps);
        }

        private Instant addAccount(Planner planner, Auditor auditor, ReportInput report, String accountId, IamFixes iam)
                throws IOException {
            var settings = rules.settingsFor(report, environment.clock(), RuleOptions.cisVersion(null));
            AuditResult result = auditor.audit(report, settings);
            List<Finding> findings = new ArrayList<>();
            auditor.findings(report, result).forEach(findings::add);
            Map<String, UserCredentials> users = new LinkedHashMap<>();
            String account = accountId;
            try (ReportRows rows = report.openReport()) {
                while (rows.hasNext()) {
                    UserCredentials user = rows.next();
                    users.put(user.user(), user);
                    if (account == null && !user.isRoot()) {
                        account = user.accountId();
                    }
                }
            }
            planner.add(account == null ? "" : account, users, findings, iam);
            return settings.asOf();
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
            description = {"Apply a plan one action at a time, re-checking each just before it acts (the key exists with the "
                    + "plan's status, not used since the plan, the safety rules); an action whose facts changed is skipped.",
                "Writes a result file after every action, with an undo plan that reactivates every key deactivated."})
    static final class ApplyCommand extends Acting implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file 'fix plan -o' wrote.")
        Path plan;

        @Option(names = "--max-plan-age", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
                order = 5, description = "Refuse a plan older than this (30m, 24h, 2d). Default: ${DEFAULT-VALUE}.")
        Duration maxPlanAge = Safety.MAX_PLAN_AGE;

        @Option(names = "--exceptions", paramLabel = "FILE", order = 6,
                description = "The exceptions file (a path or s3:// URI, as audit takes it; else CREDREPORT_EXCEPTIONS): a user "
                        + "or credential covered by an entry in force is skipped, even if the plan names it.")
        String exceptionsFile;

        ApplyCommand(Environment environment) {
            super(environment);
        }

        @Override
        Path defaultResult(Path file, boolean dryRun) {
            return beside(file, dryRun ? ".dry-run.json" : ".result.json");
        }

        private Exemptions exemptions;

        @Override
        Exemptions exemptions() {
            return exemptions;
        }

        @Override
        public Integer call() {
            Plan read = read(plan, false);
            Applier.checkAge(read, maxPlanAge, environment.clock());
            RuleOptions file = new RuleOptions();
            file.exceptionsFile = exceptionsFile;
            exemptions = exempted(ExceptionsReading.read(file, aws, environment), environment);
            return run(plan, read, read.actions(), "apply");
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
            description = {"Reactivate every key an apply deactivated, from its result file. Deletions cannot be undone."})
    static final class UndoCommand extends Acting implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RESULT", description = "The result file 'fix apply' wrote.")
        Path resultOfApply;

        UndoCommand(Environment environment) {
            super(environment);
        }

        @Override
        public Integer call() {
            Plan undo = read(resultOfApply, true);
            return run(resultOfApply, undo, undo.actions(), "undo");
        }

        @Override
        Path defaultResult(Path file, boolean dryRun) {
            return beside(file, dryRun ? ".undo.dry-run.json" : ".undo.json");
        }
    }
}
