package org.lawline.knowledge.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.LawReference;

/** Names one version of an entry's content, as LawLine ships it: equal content, equal name. */
final class BundledVersion {

    private BundledVersion() {
    }

    /** A SHA-256 of every field, each field and list item length-prefixed so no two contents read alike. */
    static String of(FaqEntry entry) {
        StringBuilder content = new StringBuilder();
        field(content, entry.id());
        field(content, entry.question());
        list(content, entry.phrasings());
        field(content, entry.answer());
        field(content, entry.category());
        list(content, entry.lawRefs().stream().map(LawReference::toString).toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void list(StringBuilder content, List<String> items) {
        content.append(items.size()).append(':');
        items.forEach(item -> field(content, item));
    }

    private static void field(StringBuilder content, String value) {
        content.append(value.length()).append(':').append(value);
    }
}
