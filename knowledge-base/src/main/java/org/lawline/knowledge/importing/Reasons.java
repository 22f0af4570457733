package org.lawline.knowledge.importing;

/** Keeps rejection reasons short enough to list a thousand of them. */
final class Reasons {

    private static final int MAX_CHARS = 160;

    private Reasons() {
    }

    static String shorten(String reason) {
        if (reason == null) {
            return "";
        }
        String oneLine = reason.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS) + "…";
    }
}
