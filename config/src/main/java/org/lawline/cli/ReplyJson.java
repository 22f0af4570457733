package org.lawline.cli;

import java.util.List;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.LawReference;

/** The JSON shape of {@code ./lawline ask --json}: one object per question. */
record ReplyJson(String kind, String entryId, Double score, List<Citation> citations, String text, String state) {

    record Citation(String id, String law, String article, String title) {
        static Citation of(LawReference ref) {
            return new Citation(ref.articleId(), ref.law(), ref.article(), ref.display());
        }
    }

    static ReplyJson of(Reply reply) {
        return new ReplyJson(
                reply.kind().wireName(),
                reply.entryId().orElse(null),
                reply.score().isPresent() ? Math.round(reply.score().getAsDouble() * 1000) / 1000.0 : null,
                reply.citations().stream().map(Citation::of).toList(),
                reply.text(),
                reply.state().name());
    }
}
