package org.lawline.conversation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.ServiceOffice;

/**
 * Where a citizen can go in person: the legal-service offices of a district, or those nearest a
 * location the citizen shared (a WeChat or Weibo location message, the web page's position after
 * the citizen agreed). Every office with its address, phone, hours and a map link. One
 * directory for every channel and for the dialog, so an office reads the same wherever it is
 * asked for. Thread safe.
 */
public final class OfficeDirectory {

    /** How many offices a shared location is answered with: the nearest few, not the whole city. */
    public static final int NEAREST = 3;

    /** Said when no office is known near the citizen: the hotline still helps. */
    static final String NO_OFFICES = "暂时没有找到附近的法律服务机构，请拨打12348法律服务热线咨询。";
    static final String HOTLINE_TOO = "也可拨打12348法律服务热线咨询。";

    /** "我在西湖区", "西湖区的", "在滨江": a message that only names where the citizen is. */
    private static final Pattern ONLY_A_PLACE = Pattern.compile("^(?:我|我们|我家)?(?:在|住在|是|人在)?(.{2,8}?)(?:的|吧|呢|啊|呀|这边|附近|这里)?$");

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final List<ServiceOffice> offices;
    private final int nearest;

    /** @param nearest how many offices a location is answered with */
    public OfficeDirectory(List<ServiceOffice> offices, int nearest) {
        this.offices = List.copyOf(offices);
        if (nearest < 1) {
            throw new IllegalArgumentException("A location is answered with at least one office, not " + nearest);
        }
        this.nearest = nearest;
    }

    /** The bundled directory, a location answered with the {@value #NEAREST} nearest offices. */
    public static OfficeDirectory bundled() {
        return new OfficeDirectory(BundledKnowledge.serviceOffices(), NEAREST);
    }

    /** The districts that have an office, in the directory's order. */
    public List<String> districts() {
        LinkedHashSet<String> districts = new LinkedHashSet<>();
        offices.stream().map(ServiceOffice::district).filter(d -> !d.isBlank()).forEach(districts::add);
        return List.copyOf(districts);
    }

    /**
     * The district the text names, with or without its 区 / 县 / 市 ("西湖区", "西湖"), if it is
     * one that has an office.
     */
    public Optional<String> districtIn(String text) {
        String compact = compact(text);
        return districts().stream().filter(district -> compact.contains(district) || compact.contains(shortName(district))).findFirst();
    }

    /** Whether the whole message names one of the districts and nothing else: "西湖区", "我在滨江". */
    public boolean onlyNamesADistrict(String text) {
        var place = ONLY_A_PLACE.matcher(compact(text));
        if (!place.matches()) {
            return false;
        }
        String named = place.group(1);
        return districts().stream().anyMatch(district -> named.equals(district) || named.equals(shortName(district)));
    }

    /** The offices of the district the text names, or the question which district (and the offer of a location). */
    public Reply.Offices forText(String text, DialogState state) {
        return districtIn(text).map(district -> inDistrict(district, state)).orElseGet(() -> askWhere(state));
    }

    /** Every office of the district, legal-aid centres first (they are free). */
    public Reply.Offices inDistrict(String district, DialogState state) {
        List<ServiceOffice> there = offices.stream().filter(o -> o.district().equals(district))
                .sorted(Comparator.comparing(ServiceOffice::kind)).toList();
        if (there.isEmpty()) {
            return askWhere(state);
        }
        StringBuilder text = new StringBuilder(district).append("的法律服务机构：");
        int number = 1;
        for (ServiceOffice office : there) {
            text.append("\n\n").append(number++).append(". ");
            describe(office, Optional.empty(), text);
        }
        text.append("\n\n").append(HOTLINE_TOO);
        return new Reply.Offices(text.toString(), state, there);
    }

    /** The question which district, naming those that have offices, and the offer of a location. */
    public Reply.Offices askWhere(DialogState state) {
        String text = "请问您在哪个区？回复区名即可，例如：" + String.join("、", districts())
                + "。\n也可以发送您的位置，我们按位置为您找最近的法律服务机构。";
        return new Reply.Offices(text, state, List.of());
    }

    /** The offices nearest the location, nearest first, each with its distance. */
    public Reply.Offices nearest(double latitude, double longitude, DialogState state) {
        List<ServiceOffice> closest = offices.stream()
                .sorted(Comparator.comparingDouble(o -> distanceKm(latitude, longitude, o.latitude(), o.longitude())))
                .limit(nearest)
                .toList();
        if (closest.isEmpty()) {
            return new Reply.Offices(NO_OFFICES, state, List.of());
        }
        StringBuilder text = new StringBuilder("离您最近的法律服务机构：");
        int number = 1;
        for (ServiceOffice office : closest) {
            text.append("\n\n").append(number++).append(". ");
            describe(office, Optional.of(distance(distanceKm(latitude, longitude, office.latitude(), office.longitude()))), text);
        }
        text.append("\n\n").append(HOTLINE_TOO);
        return new Reply.Offices(text.toString(), state, closest);
    }

    /** As {@link #nearest}, the text alone: what a messaging platform sends back to a location. */
    public String describeNearest(double latitude, double longitude) {
        return nearest(latitude, longitude, DialogState.BOT).text();
    }

    /**
     * The office on Amap's public marker page, which opens in any browser and hands over to the
     * Amap app where it is installed; the directory's coordinates are as Amap shows them.
     */
    public static String mapLink(ServiceOffice office) {
        return String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s", office.longitude(),
                office.latitude(), URLEncoder.encode(office.name(), StandardCharsets.UTF_8));
    }

    /** Name, distance, address, phone and hours before the long map link: a platform that cuts a reply into parts keeps them together. */
    private static void describe(ServiceOffice office, Optional<String> distance, StringBuilder text) {
        text.append(office.name()).append("（").append(office.kind().label()).append("）");
        distance.ifPresent(d -> text.append("\n距离：约").append(d));
        text.append("\n地址：").append(office.address());
        if (!office.phone().isBlank()) {
            text.append("\n电话：").append(office.phone());
        }
        if (!office.hours().isBlank()) {
            text.append("\n办公时间：").append(office.hours());
        }
        text.append("\n地图：").append(mapLink(office));
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

    /** 西湖区 → 西湖; a name of two characters (东区) stays whole, its one character says nothing. */
    private static String shortName(String district) {
        return district.length() > 2 && (district.endsWith("区") || district.endsWith("县") || district.endsWith("市"))
                ? district.substring(0, district.length() - 1) : district;
    }

    private static String compact(String text) {
        StringBuilder out = new StringBuilder();
        Objects.requireNonNull(text, "text").codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
