package org.lawline.knowledge.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.ImportReport;
import org.lawline.knowledge.ImportReport.RejectedRow;

/**
 * The running count of one import, shared by the FAQ and the law-article readers: rows taken and
 * refused (the first {@link ImportReport#MAX_LISTED_REJECTIONS} listed, the rest only counted, so a
 * file of bad rows cannot fill memory), with progress told every few hundred rows.
 */
final class ImportTally {

    static final int PROGRESS_EVERY_ROWS = 200;

    private final CountingInputStream counted;
    private final long totalBytes;
    private final ImportProgress progress;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private int imported;
    private long rows;
    private long unlisted;

    ImportTally(CountingInputStream counted, long totalBytes, ImportProgress progress) {
        this.counted = counted;
        this.totalBytes = totalBytes;
        this.progress = progress;
    }

    /** One row read: taken when {@code refusal} is empty, refused for that reason otherwise. */
    void row(long line, Optional<String> refusal) {
        rows++;
        if (refusal.isEmpty()) {
            imported++;
        } else if (rejected.size() < ImportReport.MAX_LISTED_REJECTIONS) {
            rejected.add(new RejectedRow(line, refusal.get()));
        } else {
            unlisted++;
        }
        if (rows % PROGRESS_EVERY_ROWS == 0) {
            progress.progressed(rows, counted.count(), totalBytes);
        }
    }

    /** Tells the final progress and returns the report. */
    ImportReport finish() {
        progress.progressed(rows, counted.count(), totalBytes);
        return new ImportReport(imported, rejected, unlisted);
    }
}
