package org.lawline.knowledge.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Small vector arithmetic and the byte form vectors are stored in. */
public final class Vectors {

    private Vectors() {
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A copy scaled to norm 1 (a zero vector stays zero). */
    public static float[] normalized(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        if (norm == 0) {
            return unit;
        }
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The normalised mean of unit vectors: the direction they share. */
    public static float[] centroid(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] vector : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        return normalized(sum);
    }

    public static byte[] toBytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    public static float[] fromBytes(byte[] bytes, int offset, int length) {
        float[] vector = new float[length / Float.BYTES];
        ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
