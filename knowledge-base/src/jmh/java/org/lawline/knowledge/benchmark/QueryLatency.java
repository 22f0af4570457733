package org.lawline.knowledge.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.KnowledgeWiring;
import org.lawline.knowledge.eval.Bm25Baseline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one search over about 5,000 entries, as a conversation asks it (5 results), one
 * thread: LawLine's full search with the embedding model (the question is embedded every time:
 * questions are never cached), LawLine's search by words alone, and plain Lucene BM25. Questions
 * cycle through 578 keyword queries and 1,000 citizen phrasings. SampleTime mode: JMH reports
 * p0.50 and p0.99.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class QueryLatency {

    @Param({"lawline-hybrid", "lawline-keywords", "lucene-bm25"})
    public String engine;

    private FaqIndex lawline;
    private Bm25Baseline bm25;
    private List<String> questions;
    private int next;

    @Setup(Level.Trial)
    public void index() {
        List<FaqEntry> entries = BenchmarkData.entries();
        questions = BenchmarkData.questions();
        switch (engine) {
            case "lawline-hybrid" -> lawline = KnowledgeWiring.hybridFaqIndex(BenchmarkData.embeddingCache());
            case "lawline-keywords" -> lawline = KnowledgeWiring.keywordFaqIndex();
            case "lucene-bm25" -> bm25 = new Bm25Baseline(texts(entries));
            default -> throw new IllegalArgumentException("Unknown engine " + engine);
        }
        if (lawline != null) {
            lawline.replaceAll(entries);
        }
    }

    /** What the baseline indexes of an entry: question, phrasings and answer, in one field. */
    private static Map<String, String> texts(List<FaqEntry> entries) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (FaqEntry entry : entries) {
            texts.put(entry.id(), entry.question() + "\n" + String.join("\n", entry.phrasings()) + "\n" + entry.answer());
        }
        return texts;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (lawline != null) {
            lawline.close();
        }
        if (bm25 != null) {
            bm25.close();
        }
    }

    @Benchmark
    public Object search() {
        String question = questions.get(next);
        next = (next + 1) % questions.size();
        return lawline != null ? lawline.search(question, 5) : bm25.rank(question, 5);
    }
}
