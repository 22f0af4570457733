package org.lawline.knowledge.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqImport;
import org.lawline.knowledge.ImportLimits;
import org.lawline.knowledge.ImportProgress;
import org.lawline.knowledge.KnowledgeWiring;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The benchmark's entries and questions: the bundled entries plus LeCoQA's 1,532 from the shared
 * data folder (2,051 with the 519 bundled today), then variants of LeCoQA entries up to
 * {@value #ENTRIES}; questions are the 578 keyword queries of faq_keywords_dev and the bundled
 * entries' phrasings.
 */
final class BenchmarkData {

    static final int ENTRIES = 5_000;
    /** Lead-ins that make a variant's question a sentence of its own (own vector, own words) on the same topic. */
    private static final List<String> LEAD_INS = List.of("请问，", "想咨询一下：", "我朋友遇到这种情况：");

    private BenchmarkData() {
    }

    static Path sharedData() {
        Path folder = Path.of(System.getProperty("lawline.shared-data", "../shared/data"));
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The benchmark needs the shared data folder (../shared/data beside the repository); "
                    + folder.toAbsolutePath().normalize() + " is absent");
        }
        return folder;
    }

    static Path embeddingCache() {
        return Path.of(System.getProperty("lawline.benchmark.cache", "target/benchmark-embeddings"));
    }

    static List<FaqEntry> entries() {
        List<FaqEntry> entries = new ArrayList<>(BundledKnowledge.faqEntries());
        List<FaqEntry> lecoqa = new ArrayList<>();
        try (InputStream in = Files.newInputStream(sharedData().resolve("kb/lecoqa_faq.jsonl"))) {
            KnowledgeWiring.faqImport(ImportLimits.DEFAULTS).read(in, FaqImport.Format.JSONL, lecoqa::add, ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.addAll(lecoqa);
        for (int i = 0; entries.size() < ENTRIES; i++) {
            FaqEntry source = lecoqa.get(i % lecoqa.size());
            String leadIn = LEAD_INS.get((i / lecoqa.size()) % LEAD_INS.size());
            entries.add(new FaqEntry(source.id() + "-v" + i, leadIn + source.question(), source.phrasings(),
                    source.answer(), source.category(), source.lawRefs()));
        }
        return List.copyOf(entries);
    }

    static List<String> questions() {
        List<String> questions = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(sharedData().resolve("eval/faq_keywords_dev.jsonl"))) {
                if (!line.isBlank()) {
                    JsonNode row = json.readTree(line);
                    questions.add(row.get("q").asString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (FaqEntry entry : BundledKnowledge.faqEntries()) {
            questions.addAll(entry.phrasings());
        }
        return List.copyOf(questions);
    }
}
