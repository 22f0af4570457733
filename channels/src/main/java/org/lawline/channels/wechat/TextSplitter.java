package org.lawline.channels.wechat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into parts WeChat accepts (a text message holds at most 2048 bytes of UTF-8),
 * at sentence ends where it can, so that no part stops mid-sentence; a single sentence longer
 * than a part is cut between characters, never inside one.
 */
final class TextSplitter {

    /** WeChat's limit for the Content of a text message. */
    static final int WECHAT_TEXT_BYTES = 2048;

    private static final String SENTENCE_ENDS = "。！？；!?;\n";

    private TextSplitter() {
    }

    static List<String> split(String text, int maxBytes) {
        if (bytes(text) <= maxBytes) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : sentences(text)) {
            if (bytes(part) + bytes(sentence) <= maxBytes) {
                part.append(sentence);
                continue;
            }
            flush(part, parts);
            if (bytes(sentence) <= maxBytes) {
                part.append(sentence);
            } else {
                cut(sentence, maxBytes, parts, part);
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
                // Closing quotes and brackets stay with their sentence.
                int end = i + 1;
                while (end < text.length() && "”’」』）)】".indexOf(text.charAt(end)) >= 0) {
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
    private static void cut(String sentence, int maxBytes, List<String> parts, StringBuilder part) {
        int used = 0;
        for (int i = 0; i < sentence.length(); ) {
            int codePoint = sentence.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > maxBytes) {
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

    static int bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
