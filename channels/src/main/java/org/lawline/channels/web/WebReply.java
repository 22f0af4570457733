package org.lawline.channels.web;

import java.util.List;
import java.util.OptionalDouble;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Reply;
import org.lawline.knowledge.ServiceOffice;
import org.lawline.knowledge.LawReference;

/**
 * The answer to {@code POST /api/web/messages}. {@code kind}, {@code text}, {@code state} and
 * {@code citations} are the API's contract with the mobile app; do not rename them.
 *
 * @param entryId the knowledge-base entry the reply rests on, or null
 * @param score   the entry's search score, or null
 * @param choices the numbered options of a {@code choices} reply (empty otherwise); the citizen
 *                answers with the number, or — as the page's buttons do — with the question itself,
 *                which is answered even when the offer could not be remembered
 * @param turnId  the id of this reply's transcript turn, which {@code POST /api/web/feedback}
 *                names to say whether it helped
 * @param offices the legal-service offices of an {@code offices} reply, each with its map link
 *                (empty otherwise, and in the {@code offices} reply that asks which district)
 */
record WebReply(String kind, String text, String state, List<Citation> citations,
                String entryId, Double score, List<Option> choices, String turnId, List<Office> offices) {

    record Citation(String id, String law, String article, String title) {
        static Citation of(LawReference reference) {
            return new Citation(reference.articleId(), reference.law(), reference.article(), reference.display());
        }
    }

    record Option(int number, String question) {
    }

    record Office(String name, String kind, String district, String address, String phone, String hours, String mapUrl) {
        static Office of(ServiceOffice office) {
            return new Office(office.name(), office.kind().label(), office.district(), office.address(), office.phone(),
                    office.hours(), OfficeDirectory.mapLink(office));
        }
    }

    /** A reply that answers no message of the citizen's (no turn of theirs to rate). */
    static WebReply of(Reply reply) {
        return of(reply, null);
    }

    static WebReply of(Reply reply, String turnId) {
        List<Option> options = reply instanceof Reply.Choices choices
                ? choices.choices().stream().map(c -> new Option(c.number(), c.question())).toList()
                : List.of();
        return new WebReply(
                reply.kind().wireName(),
                reply.text(),
                reply.state().name(),
                reply.citations().stream().map(Citation::of).toList(),
                reply.entryId().orElse(null),
                finite(reply.score()),
                options,
                turnId,
                reply instanceof Reply.Offices listed ? listed.offices().stream().map(Office::of).toList() : List.of());
    }

    /** JSON has no NaN or infinity. */
    private static Double finite(OptionalDouble score) {
        return score.isPresent() && Double.isFinite(score.getAsDouble()) ? score.getAsDouble() : null;
    }
}
