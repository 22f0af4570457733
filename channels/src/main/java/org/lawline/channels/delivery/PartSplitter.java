package org.lawline.channels.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into parts a platform accepts, at sentence ends where it can, so that no part
 * stops mid-sentence; a single sentence longer than a part is cut between characters, never
 * inside one.
 */
public final class PartSplitter {

    private static final String SENTENCE_ENDS = "。！？；!?;\n";
    /** Closing quotes and brackets stay with their sentence. */
    private static final String CLOSERS = "”’」』）)】";

    private PartSplitter() {
    }

    public static List<String> split(String text, PartLimit limit) {
        if (limit.sizeOf(text) <= limit.max()) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : sentences(text)) {
            if (limit.sizeOf(part) + limit.sizeOf(sentence) <= limit.max()) {
                part.append(sentence);
                continue;
            }
            flush(part, parts);
            if (limit.sizeOf(sentence) <= limit.max()) {
                part.append(sentence);
            } else {
                cut(sentence, limit, parts, part);
            }
        }
        flush(part, parts);
        return List.copyOf(parts);
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                int end = i + 1;
                while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                sentences.add(text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        return sentences;
    }

    /** A sentence too long for one part: whole code points, as many as fit. */
    private static void cut(String sentence, PartLimit limit, List<String> parts, StringBuilder part) {
        int used = 0;
        for (int i = 0; i < sentence.length(); ) {
            int codePoint = sentence.codePointAt(i);
            int size = limit.sizeOf(new String(Character.toChars(codePoint)));
            if (used + size > limit.max()) {
                flush(part, parts);
                used = 0;
            }
            part.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
    }

    private static void flush(StringBuilder part, List<String> parts) {
        String text = part.toString();
        if (!text.isBlank()) {
            parts.add(text.strip());
        }
        part.setLength(0);
    }
}
