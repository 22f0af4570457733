package org.lawline.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import org.lawline.knowledge.ImportFailed;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.KnowledgeBase;
import org.springframework.context.ApplicationContext;

/**
 * {@code ./lawline import FILE}: loads entries into the database (a running service sees them
 * after its next index refresh), shows progress on standard error, and lists bad rows by line.
 */
final class ImportCommand {

    /** Bad rows printed one by one; the rest are counted, so a broken file can't flood the terminal. */
    private static final int PRINTED_REJECTIONS = 50;

    private final KnowledgeBase knowledge;
    private final PrintStream out;
    private final PrintStream err;

    ImportCommand(ApplicationContext context, PrintStream out, PrintStream err) {
        this.knowledge = context.getBean(KnowledgeBase.class);
        this.out = out;
        this.err = err;
    }

    int run(Command.Import command) {
        if (!Files.isRegularFile(command.file())) {
            err.println("找不到文件：" + command.file());
            return 1;
        }
        ImportReport report;
        try {
            report = knowledge.importFile(command.file(), new ProgressLine(err));
        } catch (ImportFailed e) {
            err.println();
            err.println("导入失败：" + e.getMessage());
            return 1;
        }
        err.println();
        out.printf("导入完成：%d 条已导入，%d 行被拒绝%n", report.imported(), report.rejectedCount());
        report.rejected().stream().limit(PRINTED_REJECTIONS)
                .forEach(row -> out.printf("  第 %d 行：%s%n", row.line(), row.reason()));
        long unprinted = report.rejectedCount() - Math.min(PRINTED_REJECTIONS, report.rejected().size());
        if (unprinted > 0) {
            out.printf("  ……另有 %d 行被拒绝%n", unprinted);
        }
        return report.imported() > 0 || report.rejectedCount() == 0 ? 0 : 1;
    }

    /** One line on standard error, redrawn in place: rows read and how much of the file. */
    private record ProgressLine(PrintStream err) implements ImportProgress {
        @Override
        public void progressed(long rowsRead, long bytesRead, long totalBytes) {
            if (totalBytes > 0) {
                int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
                int filled = percent / 5;
                err.printf("\r导入中 [%s%s] %3d%%  已读 %d 行", "#".repeat(filled), " ".repeat(20 - filled), percent, rowsRead);
            } else {
                err.printf("\r导入中  已读 %d 行", rowsRead);
            }
            err.flush();
        }
    }
}
