package org.lawline.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lawline.knowledge.FaqConfidence;

/** The definition in {@link Similarity}, at its corners. */
class SimilarityTest {

    @Test
    void fullCoverageStaysCertainWhateverTheCosineFromTheFloorUp() {
        assertThat(Similarity.confidence(1.0, Similarity.FLOOR)).isEqualTo(1.0);
        assertThat(Similarity.confidence(1.0, 0.95)).isEqualTo(1.0);
    }

    @Test
    void relatedMeaningNeitherLiftsNorDoubtsAtTheFloor() {
        assertThat(Similarity.confidence(0.5, Similarity.FLOOR)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void closeMeaningMakesUpPartOfWhatTheWordsMiss() {
        // coverage 0.5 at a clear cosine: 0.5 + 0.5 × 0.6
        assertThat(Similarity.confidence(0.5, Similarity.CLEAR)).isCloseTo(0.8, within(1e-9));
        assertThat(Similarity.confidence(0.0, 1.0)).isCloseTo(Similarity.LIFT, within(1e-9));
    }

    @Test
    void unrelatedMeaningLeavesOnlyPartOfTheWordCoverage() {
        // 你叫什么名字 covered an entry that mentions 名字 at 0.71, with a cosine of 0.36
        assertThat(Similarity.confidence(0.71, 0.36)).isCloseTo(0.71 * Similarity.DOUBT, within(1e-9))
                .isLessThan(FaqConfidence.choice());
    }

    @Test
    void confidenceGrowsWithTheCosine() {
        double previous = -1;
        for (double cosine = 0; cosine <= 1.0; cosine += 0.05) {
            double confidence = Similarity.confidence(0.6, cosine);
            assertThat(confidence).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = confidence;
        }
    }
}
