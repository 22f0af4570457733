package org.lawline.cli;

import java.io.PrintStream;
import org.lawline.retention.PersonalDataPurges;
import org.lawline.retention.PurgeReport;
import org.springframework.context.ApplicationContext;

/**
 * {@code ./lawline purge}: the retention purge now, as the daily job runs it; with
 * {@code --citizen}, one citizen's data on request. Prints what it did, a line per kind of record.
 * The context has migrated the schema, so it works on the embedded database and on PostgreSQL.
 */
final class PurgeCommand {

    private final PersonalDataPurges purges;
    private final PrintStream out;
    private final PrintStream err;

    PurgeCommand(ApplicationContext context, PrintStream out, PrintStream err) {
        this.purges = context.getBean(PersonalDataPurges.class);
        this.out = out;
        this.err = err;
    }

    int run(Command.Purge command) {
        PurgeReport report;
        try {
            report = command.citizen().map(purges::forget).orElseGet(purges::purgeExpired);
        } catch (RuntimeException e) {
            err.println("清理失败：" + e.getMessage());
            return 1;
        }
        report.print(out);
        return 0;
    }
}
