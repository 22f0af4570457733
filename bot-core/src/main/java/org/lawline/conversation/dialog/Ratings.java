package org.lawline.conversation.dialog;

import java.util.Optional;
import org.lawline.conversation.ConsultationRated;

/**
 * The citizen's answer to the closing message's 满意 / 不满意, as they type it (or the web chat's
 * buttons send it): the word alone, give or take punctuation and spaces. Anything longer is a new
 * question, not a rating.
 */
final class Ratings {

    private Ratings() {
    }

    static Optional<ConsultationRated.Rating> of(String text) {
        String word = text == null ? "" : text.replaceAll("[\\s\\p{Punct}。！!，,~～]", "");
        return switch (word) {
            case "满意", "很满意", "非常满意" -> Optional.of(ConsultationRated.Rating.SATISFIED);
            case "不满意", "很不满意", "非常不满意" -> Optional.of(ConsultationRated.Rating.DISSATISFIED);
            default -> Optional.empty();
        };
    }
}
