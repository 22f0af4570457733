package org.lawline.channels.web;

/**
 * The body of {@code POST /api/web/offices/nearest}: where the citizen is, as the browser's
 * geolocation gives it (WGS 84 degrees).
 */
record WebPosition(String citizenId, Double latitude, Double longitude) {

    static final String INVALID_POSITION = "位置无效：latitude 须为 -90 到 90、longitude 须为 -180 到 180 之间的数";

    static WebPosition validated(WebPosition position) {
        if (position == null) {
            throw new InvalidWebRequest(WebChatErrors.UNREADABLE_BODY);
        }
        WebMessageRequest.requireValidCitizenId(position.citizenId());
        if (!within(position.latitude(), 90) || !within(position.longitude(), 180)) {
            throw new InvalidWebRequest(INVALID_POSITION);
        }
        return position;
    }

    private static boolean within(Double degrees, double bound) {
        return degrees != null && Double.isFinite(degrees) && Math.abs(degrees) <= bound;
    }

    /** Never log where a citizen is. */
    @Override
    public String toString() {
        return "WebPosition[citizenId=" + citizenId + "]";
    }
}
