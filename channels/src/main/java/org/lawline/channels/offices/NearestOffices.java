package org.lawline.channels.offices;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lawline.knowledge.ServiceOffice;

/**
 * The legal-service offices nearest a citizen's shared location, as a reply: shared by every
 * channel whose citizens can send a location (WeChat, Weibo). Thread safe.
 */
public final class NearestOffices {

    /** Said when the directory is empty: the hotline still helps. */
    static final String NO_OFFICES = "暂时没有找到附近的法律服务机构，请拨打12348法律服务热线咨询。";

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final List<ServiceOffice> offices;
    private final int count;

    public NearestOffices(List<ServiceOffice> offices, int count) {
        this.offices = List.copyOf(offices);
        this.count = count;
    }

    public String describe(double latitude, double longitude) {
        List<ServiceOffice> nearest = offices.stream()
                .sorted(Comparator.comparingDouble(o -> distanceKm(latitude, longitude, o.latitude(), o.longitude())))
                .limit(count)
                .toList();
        if (nearest.isEmpty()) {
            return NO_OFFICES;
        }
        StringBuilder text = new StringBuilder("离您最近的法律服务机构：");
        int number = 1;
        for (ServiceOffice office : nearest) {
            text.append("\n\n").append(number++).append(". ").append(office.name())
                    .append("（").append(office.kind().label()).append("）")
                    .append("\n距离：约").append(distance(distanceKm(latitude, longitude, office.latitude(), office.longitude())))
                    .append("\n地址：").append(office.address());
            if (!office.phone().isBlank()) {
                text.append("\n电话：").append(office.phone());
            }
            if (!office.hours().isBlank()) {
                text.append("\n办公时间：").append(office.hours());
            }
        }
        text.append("\n\n也可拨打12348法律服务热线咨询。");
        return text.toString();
    }

    static String distance(double km) {
        if (km < 1) {
            return Math.max(10, Math.round(km * 100) * 10) + "米";
        }
        return String.format(Locale.ROOT, "%.1f公里", km);
    }

    /** Great-circle distance (haversine); plenty for "which office is nearer". */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
