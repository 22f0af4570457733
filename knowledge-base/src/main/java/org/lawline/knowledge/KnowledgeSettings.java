package org.lawline.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the knowledge base, {@code lawline.knowledge.*}.
 *
 * @param seedBundledEntries   whether start-up stores the bundled entries that are not stored yet
 * @param indexRefreshInterval how often the index is rebuilt if the stored entries changed
 *                             meanwhile (edits through another instance, command-line imports);
 *                             zero turns it off. Each check is one small query (count and
 *                             latest change), so a few seconds costs little
 * @param maxQuestionChars     longest question or phrasing an import accepts
 * @param maxAnswerChars       longest answer an import accepts
 * @param maxImportFileSize    largest file an import reads
 * @param embeddings           the sentence model beside word search
 */
@ConfigurationProperties("lawline.knowledge")
record KnowledgeSettings(
        @DefaultValue("true") boolean seedBundledEntries,
        @DefaultValue("5s") Duration indexRefreshInterval,
        @DefaultValue("500") int maxQuestionChars,
        @DefaultValue("5000") int maxAnswerChars,
        @DefaultValue("200MB") DataSize maxImportFileSize,
        @DefaultValue Embeddings embeddings) {

    KnowledgeSettings {
        if (indexRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("lawline.knowledge.index-refresh-interval must not be negative");
        }
    }

    /**
     * {@code lawline.knowledge.embeddings.*}.
     *
     * @param enabled whether entries and law articles are also found by meaning (bge-small-zh,
     *                in process); off, search is by words alone and no model is loaded
     * @param cache   where entry and article vectors are kept between starts; unset, {@code $LAWLINE_HOME/data/embeddings},
     *                or without LAWLINE_HOME {@code lawline-embeddings} in the temporary folder
     *                (a test or a tool run never litters the working directory)
     * @param recentQuestions how many recent messages' vectors are kept in memory (by their
     *                text, least recently used out), so a repeated question runs no model; a
     *                message's two vectors (as typed, and after bge's query instruction) are 4 KB;
     *                the default is the one indexes made without these settings use
     *                ({@code embedding.QuestionVectors.DEFAULT_CAPACITY})
     */
    record Embeddings(@DefaultValue("true") boolean enabled, Path cache,
                      @DefaultValue("4096") int recentQuestions) {

        Embeddings {
            if (recentQuestions < 1) {
                throw new IllegalArgumentException("lawline.knowledge.embeddings.recent-questions must be at least 1, got " + recentQuestions);
            }
        }

        Path cacheOr(Optional<String> lawlineHome) {
            if (cache != null) {
                return cache;
            }
            return lawlineHome.filter(home -> !home.isBlank())
                    .map(home -> Path.of(home, "data", "embeddings"))
                    .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "lawline-embeddings"));
        }
    }

    ImportLimits importLimits() {
        return new ImportLimits(maxQuestionChars, maxAnswerChars, ImportLimits.DEFAULTS.maxRowChars(),
                maxImportFileSize.toBytes());
    }
}
