package org.lawline.knowledge;

/**
 * Sizes beyond which an import refuses a row or a file, so a hostile or broken file cannot
 * exhaust memory.
 *
 * @param maxQuestionChars characters of a question or of one phrasing
 * @param maxAnswerChars   characters of an answer
 * @param maxRowChars      characters of one row as written in the file (a JSON line, or a CSV
 *                         record with its quoted newlines); longer rows are skipped unread
 * @param maxFileBytes     size of the whole file
 */
public record ImportLimits(int maxQuestionChars, int maxAnswerChars, int maxRowChars, long maxFileBytes) {

    /** Questions up to 500 characters, answers up to 5,000, rows up to 64 K, files up to 200 MB. */
    public static final ImportLimits DEFAULTS = new ImportLimits(500, 5_000, 64 * 1024, 200L * 1024 * 1024);

    public ImportLimits {
        if (maxQuestionChars <= 0 || maxAnswerChars <= 0 || maxRowChars <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("Import limits must be positive");
        }
    }

    /**
     * Refuses a file of this size before anything of it is read.
     *
     * @throws ImportTooLarge when it is over {@link #maxFileBytes}
     */
    public void requireFileOf(long bytes) {
        if (bytes > maxFileBytes) {
            throw new ImportTooLarge("The file is " + bytes + " bytes, more than the import limit of " + maxFileBytes,
                    maxFileBytes);
        }
    }

    /** These limits with a smaller file size, for a caller with a tighter cap of its own (an upload). */
    public ImportLimits withMaxFileBytes(long maxBytes) {
        return new ImportLimits(maxQuestionChars, maxAnswerChars, maxRowChars, Math.min(maxFileBytes, maxBytes));
    }
}
