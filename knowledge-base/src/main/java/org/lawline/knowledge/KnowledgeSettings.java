package org.lawline.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the knowledge base, {@code lawline.knowledge.*}.
 *
 * @param seedBundledEntries   whether start-up stores the bundled entries that are not stored yet
 * @param indexRefreshInterval how often the index is rebuilt if the stored entries changed
 *                             meanwhile (edits through another instance, command-line imports);
 *                             zero turns it off
 * @param maxQuestionChars     longest question or phrasing an import accepts
 * @param maxAnswerChars       longest answer an import accepts
 * @param maxImportFileSize    largest file an import reads
 */
@ConfigurationProperties("lawline.knowledge")
record KnowledgeSettings(
        @DefaultValue("true") boolean seedBundledEntries,
        @DefaultValue("1m") Duration indexRefreshInterval,
        @DefaultValue("500") int maxQuestionChars,
        @DefaultValue("5000") int maxAnswerChars,
        @DefaultValue("200MB") DataSize maxImportFileSize) {

    KnowledgeSettings {
        if (indexRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("lawline.knowledge.index-refresh-interval must not be negative");
        }
    }

    ImportLimits importLimits() {
        return new ImportLimits(maxQuestionChars, maxAnswerChars, ImportLimits.DEFAULTS.maxRowChars(),
                maxImportFileSize.toBytes());
    }
}
