package org.lawline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test data: our fixture entries, and the shared data set beside the repository. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * The 24 entries of {@code fixtures/faq_fixture.jsonl}: copies of the bundled placeholder
     * entries (ids prefixed {@code fx-}) among other topics, so ranking tests do not change when
     * the bundled file does.
     */
    public static List<FaqEntry> faqEntries() {
        List<FaqEntry> entries = new ArrayList<>();
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/faq_fixture.jsonl")) {
            ImportReport report = KnowledgeWiring.faqImport(ImportLimits.DEFAULTS).read(in, FaqImport.Format.JSONL, entries::add, ImportProgress.NONE);
            if (report.rejectedCount() > 0) {
                throw new IllegalStateException("Bad fixture rows: " + report.rejected());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static FaqEntry entry(String id, String question, String answer) {
        return new FaqEntry(id, question, List.of(), answer, "", List.of());
    }

    /**
     * The shared data folder (surefire and failsafe set {@code lawline.shared-data} to
     * {@code ../shared/data} beside the repository). It is there wherever the tests run, so its
     * absence fails the calling test rather than skipping it: a skip would hide, among others,
     * the check of every cited article against the statutes.
     */
    public static Path sharedData() {
        String configured = System.getProperty("lawline.shared-data");
        if (configured == null) {
            throw new IllegalStateException("The system property lawline.shared-data is not set: run the tests through Maven,"
                    + " or set it to the shared data folder (../shared/data beside the repository)");
        }
        Path folder = Path.of(configured);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The shared data folder " + folder.toAbsolutePath().normalize()
                    + " is missing: the tests need ../shared/data beside the repository");
        }
        return folder;
    }
}
