package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.core.ExitCode;
import dev.credreport.store.AthenaTable;
import dev.credreport.store.Location;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "athena-ddl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = {
            "Print the SQL to run once in Amazon Athena over reports saved with 'fetch --output-dir s3://BUCKET/PREFIX': "
                    + "a database, an external table over the CSVs with partition projection on the report's date (dt), "
                    + "so no crawler and no MSCK REPAIR TABLE is ever needed, and a view with typed columns.",
            "",
            "Run the statements one at a time (Athena takes one per query). Nothing is sent to AWS."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  credreport athena-ddl --location s3://audit-bucket/credential-reports",
            "  credreport athena-ddl --location s3://audit/iam --database sec --view users",
            "",
            "Exit codes: 0 printed, 2 usage, 8 output not written, 1 bug."
        })
final class AthenaDdlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--location", paramLabel = "S3_URL", required = true, order = 1,
            description = "Where 'fetch --output-dir' saves the reports: s3://BUCKET/PREFIX.")
    String location;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = "credreport", order = 2,
            description = "The Athena database (created if missing). Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--table", paramLabel = "NAME", defaultValue = "credential_reports_csv", order = 3,
            description = "The external table over the CSVs (strings, as AWS wrote them). Default: ${DEFAULT-VALUE}.")
    String table;

    @Option(names = "--view", paramLabel = "NAME", defaultValue = "credential_reports", order = 4,
            description = "The view with typed columns, the one to query. Default: ${DEFAULT-VALUE}.")
    String view;

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 10)
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() {
        Location parsed = Location.parse(location, "--location");
        if (!(parsed instanceof Location.S3)) {
            throw CredreportException.usage("--location: Athena reads from S3: give s3://BUCKET/PREFIX, not a local path");
        }
        AthenaTable sql;
        try {
            sql = new AthenaTable((Location.S3) parsed, database, table, view);
        } catch (IllegalArgumentException e) {
            throw CredreportException.usage(e.getMessage());
        }
        output.target().write(spec.commandLine().getOut(), out -> out.write(sql.sql()));
        return ExitCode.SUCCESS.code();
    }
}
