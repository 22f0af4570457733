package org.lawline.knowledge;

/**
 * Told as an index computes the sentence vectors it lacks, batch by batch: the first build of
 * thousands of entries or articles runs the model for minutes, and whoever waits should see it
 * move.
 */
@FunctionalInterface
public interface VectorProgress {

    VectorProgress NONE = (done, total) -> { };

    /**
     * @param done  entries or articles whose vectors are in
     * @param total those that lacked one when the build began
     */
    void computed(int done, int total);
}
