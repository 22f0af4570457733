package org.lawline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The knowledge LawLine ships with, read from this module's resources: FAQ entries in
 * {@code kb/lawline_faq.jsonl} and the service-office directory in
 * {@code kb/service_offices.jsonl}. These files are ours, so any bad row is a build mistake:
 * reading fails with the line and reason instead of skipping it.
 */
public final class BundledKnowledge {

    static final String FAQ_RESOURCE = "kb/lawline_faq.jsonl";
    static final String OFFICES_RESOURCE = "kb/service_offices.jsonl";

    private BundledKnowledge() {
    }

    /**
     * The bundled entries, in file order.
     *
     * @throws IllegalStateException when the file is missing or has a bad row
     */
    public static List<FaqEntry> faqEntries() {
        List<FaqEntry> entries = new ArrayList<>();
        ImportReport report;
        try (InputStream in = open(FAQ_RESOURCE)) {
            report = KnowledgeWiring.faqImport(ImportLimits.DEFAULTS).read(in, FaqImport.Format.JSONL, entries::add,
                    ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FAQ_RESOURCE, e);
        }
        if (!report.rejected().isEmpty()) {
            ImportReport.RejectedRow first = report.rejected().get(0);
            throw new IllegalStateException(FAQ_RESOURCE + " has " + report.rejectedCount()
                    + " bad rows; line " + first.line() + ": " + first.reason());
        }
        return List.copyOf(entries);
    }

    /**
     * The bundled service offices, in file order.
     *
     * @throws IllegalStateException when the file is missing or has a bad row
     */
    public static List<ServiceOffice> serviceOffices() {
        try (InputStream in = open(OFFICES_RESOURCE)) {
            return KnowledgeWiring.serviceOfficeImport().read(in, OFFICES_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OFFICES_RESOURCE, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = BundledKnowledge.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The knowledge base resource " + resource + " is missing from the classpath");
        }
        return in;
    }
}
