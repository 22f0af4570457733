package org.lawline.knowledge;

import java.nio.file.Path;
import java.util.Optional;
import org.lawline.knowledge.catalog.ServiceOfficeFile;
import org.lawline.knowledge.eval.Evaluation;
import org.lawline.knowledge.importing.FaqFileReader;
import org.lawline.knowledge.importing.LawArticleFileReader;
import org.lawline.knowledge.law.LuceneLawArticles;
import org.lawline.knowledge.search.LuceneFaqSearch;

/**
 * The knowledge base's implementations, chosen for code that runs without an application
 * context, as {@link KnowledgeBaseConfiguration} chooses them for the service: the command line's
 * {@code eval} (it reads no database, so it starts no context), {@link BundledKnowledge} (read by
 * other modules while their beans are made), and tests and benchmarks that build an index by
 * hand. Like the configuration, its only job is choosing implementations; it is the one class of
 * this package beside the configuration that names them.
 */
public final class KnowledgeWiring {

    private KnowledgeWiring() {
    }

    /**
     * An empty hybrid FAQ index with LawLine's Chinese analysis (smartcn, our stop words and
     * synonyms) and the in-process bge-small-zh sentence model (loaded once per process, 1 to 3 s),
     * entry vectors kept in memory only: every new process embeds its entries again (about 5 ms
     * a sentence).
     */
    public static FaqIndex hybridFaqIndex() {
        return new LuceneFaqSearch();
    }

    /**
     * As {@link #hybridFaqIndex()}, with entry vectors also cached in this folder by content hash,
     * so a restart embeds only entries that changed. Several processes may share the folder.
     */
    public static FaqIndex hybridFaqIndex(Path embeddingCache) {
        return LuceneFaqSearch.hybrid(embeddingCache);
    }

    /** An empty FAQ index searched by words alone (BM25 and coverage): no model is loaded. */
    public static FaqIndex keywordFaqIndex() {
        return LuceneFaqSearch.keywordsOnly();
    }

    /** An empty law-article index searched by words alone: no model is loaded. */
    public static LawArticleIndex keywordLawArticleIndex() {
        return new LuceneLawArticles();
    }

    /**
     * An empty hybrid law-article index: words and the in-process bge-small-zh sentence model
     * (loaded once per process, 1 to 3 s), article vectors cached in this folder by content hash,
     * so only the first build embeds them (about 2 minutes for 3,400 articles, in the background)
     * and later ones read them. Several processes may share the folder.
     */
    public static LawArticleIndex hybridLawArticleIndex(Path embeddingCache) {
        return LuceneLawArticles.hybrid(Optional.of(embeddingCache));
    }

    /** As {@link #hybridLawArticleIndex(Path)}, article vectors kept in memory only: every new process embeds them again. */
    public static LawArticleIndex hybridLawArticleIndex() {
        return LuceneLawArticles.hybrid(Optional.empty());
    }

    /** Reads FAQ entries from JSON Lines or CSV within these limits. */
    public static FaqImport faqImport(ImportLimits limits) {
        return new FaqFileReader(limits);
    }

    /** Reads law articles from JSON Lines within these limits. */
    public static LawArticleImport lawArticleImport(ImportLimits limits) {
        return new LawArticleFileReader(limits);
    }

    /** Reads the service-office directory's JSON Lines. */
    public static ServiceOfficeImport serviceOfficeImport() {
        return new ServiceOfficeFile();
    }

    /** LawLine's search measured against plain BM25, each over an index built from a file alone. */
    public static SearchEvaluation evaluation() {
        return new Evaluation();
    }
}
