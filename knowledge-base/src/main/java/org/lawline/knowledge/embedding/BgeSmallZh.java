package org.lawline.knowledge.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quantised bge-small-zh v1.5 model, run in this process by ONNX Runtime from the model
 * shipped in its Maven artifact: no network, 512 dimensions, about 5 ms per short sentence on
 * two cores. One instance per process, loaded at first use (about 1 to 3 s, most of it ONNX
 * Runtime and the tokenizer unpacking their native libraries). Thread safe.
 */
public final class BgeSmallZh implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(BgeSmallZh.class);
    /** The artifact's version is part of the id: a new build of the model may move every vector. */
    public static final String MODEL_ID = "bge-small-zh-v1.5-q/langchain4j-1.11.0-beta19";
    private static final int DIMENSIONS = 512;

    private final BgeSmallZhV15QuantizedEmbeddingModel model;

    private BgeSmallZh() {
        long started = System.nanoTime();
        this.model = new BgeSmallZhV15QuantizedEmbeddingModel();
        log.info("Embedding model {} loaded in {} ms", MODEL_ID, (System.nanoTime() - started) / 1_000_000);
    }

    /** The process's model, loaded on the first call. */
    public static BgeSmallZh shared() {
        return Holder.INSTANCE;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> sentences) {
        if (sentences.isEmpty()) {
            return List.of();
        }
        // embedAll spreads a batch over the model's executor: both cores work during indexing
        List<TextSegment> segments = sentences.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(Vectors.normalized(embedding.vector()));
        }
        return vectors;
    }

    /** Loaded by the JVM on first use and only once, without locking afterwards. */
    private static final class Holder {
        static final BgeSmallZh INSTANCE = new BgeSmallZh();
    }
}
