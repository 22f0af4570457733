package org.lawline.handoff.inbox;

import java.util.List;
import java.util.Optional;
import org.lawline.knowledge.FaqEntry;
import org.lawline.knowledge.FaqSearch;
import org.lawline.knowledge.LawReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge-base search beside the reply box ({@code GET /api/inbox/knowledge?q=}): entries
 * with their answers and the law they cite, and the text a lawyer inserts to edit, written the
 * way the bot cites (依据：《…》第…条).
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping(path = "/api/inbox/knowledge", produces = MediaType.APPLICATION_JSON_VALUE)
class KnowledgeLookupController {

    /** A question, not a document: longer input is refused rather than searched. */
    static final int MAX_QUERY_LENGTH = 200;
    /** As many as fit beside the reply box. */
    static final int SHOWN = 5;

    private final ObjectProvider<FaqSearch> faqs;

    KnowledgeLookupController(ObjectProvider<FaqSearch> faqs) {
        this.faqs = faqs;
    }

    record EntryView(String id, String question, String category, String answer, List<String> lawReferences, String insertText) {
    }

    record Entries(List<EntryView> entries) {
    }

    @GetMapping
    ResponseEntity<?> search(@RequestParam(defaultValue = "") String q) {
        String query = q.strip();
        if (query.isEmpty()) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("请输入要搜索的问题"));
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH) {
            return ResponseEntity.badRequest().body(new InboxViews.Error("搜索内容不能超过 " + MAX_QUERY_LENGTH + " 个字"));
        }
        Optional<FaqSearch> search = Optional.ofNullable(faqs.getIfAvailable());
        if (search.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new InboxViews.Error("知识库暂不可用"));
        }
        return ResponseEntity.ok(new Entries(search.get().search(query, SHOWN).stream().map(match -> view(match.entry())).toList()));
    }

    static EntryView view(FaqEntry entry) {
        List<String> references = entry.lawRefs().stream().map(LawReference::display).toList();
        String insert = references.isEmpty() ? entry.answer() : entry.answer() + "\n依据：" + String.join("；", references);
        return new EntryView(entry.id(), entry.question(), entry.category(), entry.answer(), references, insert);
    }
}
