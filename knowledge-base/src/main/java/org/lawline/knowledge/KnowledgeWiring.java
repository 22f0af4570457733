package org.lawline.knowledge;

import org.lawline.knowledge.eval.Evaluation;

/**
 * The knowledge base's implementations, chosen for code that runs without an application
 * context, as {@link KnowledgeBaseConfiguration} chooses them for the service: the command line's
 * {@code eval}, which reads no database and so starts no context. Like the configuration, its
 * only job is choosing implementations; it is the one class of this package beside the
 * configuration that names them.
 */
public final class KnowledgeWiring {

    private KnowledgeWiring() {
    }

    /** LawLine's search measured against plain BM25, each over an index built from a file alone. */
    public static SearchEvaluation evaluation() {
        return new Evaluation();
    }
}
