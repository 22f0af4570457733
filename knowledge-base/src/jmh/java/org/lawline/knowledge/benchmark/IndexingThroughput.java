package org.lawline.knowledge.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqIndex;
import org.lawline.knowledge.KnowledgeWiring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a fresh index of 5,000 entries, reported per entry (so 1 / score = entries per
 * millisecond). The hybrid index reads its vectors from the cache folder, filled by the first
 * build (the setup), so this is a restart's cost; a cold build runs the model for every
 * sentence (see docs/benchmarks.md for its figure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(BenchmarkData.ENTRIES)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class IndexingThroughput {

    @Param({"lawline-hybrid-cached", "lawline-keywords"})
    public String engine;

    private List<FaqEntry> entries;

    @Setup(Level.Trial)
    public void load() {
        entries = BenchmarkData.entries();
        if (engine.equals("lawline-hybrid-cached")) {
            try (FaqIndex warm = KnowledgeWiring.hybridFaqIndex(BenchmarkData.embeddingCache())) {
                warm.replaceAll(entries); // fills the cache folder on a first run
            }
        }
    }

    @Benchmark
    public int build() {
        // a new index each time: the in-process memory of recent vectors holds only 4,096 sentences
        try (FaqIndex index = engine.equals("lawline-keywords") ? KnowledgeWiring.keywordFaqIndex()
                : KnowledgeWiring.hybridFaqIndex(BenchmarkData.embeddingCache())) {
            index.replaceAll(entries);
            return index.size();
        }
    }
}
