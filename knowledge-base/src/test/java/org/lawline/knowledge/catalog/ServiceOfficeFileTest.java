package org.lawline.knowledge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lawline.knowledge.ServiceOffice;

class ServiceOfficeFileTest {

    private static final String CENTRE = "{\"id\":\"c1\",\"name\":\"某市法律援助中心\",\"kind\":\"LEGAL_AID_CENTRE\","
            + "\"city\":\"某市\",\"address\":\"人民路1号\",\"phone\":\"12348\",\"hours\":\"9:00-17:00\","
            + "\"latitude\":30.5,\"longitude\":114.3}";

    @Test
    void readsEveryOfficeInOrder() {
        List<ServiceOffice> offices = read(CENTRE + "\n\n" + CENTRE.replace("c1", "c2").replace("LEGAL_AID_CENTRE", "NOTARY_OFFICE"));

        assertThat(offices).containsExactly(
                new ServiceOffice("c1", "某市法律援助中心", ServiceOffice.Kind.LEGAL_AID_CENTRE, "某市", "", "人民路1号", "12348",
                        "9:00-17:00", 30.5, 114.3),
                new ServiceOffice("c2", "某市法律援助中心", ServiceOffice.Kind.NOTARY_OFFICE, "某市", "", "人民路1号", "12348",
                        "9:00-17:00", 30.5, 114.3));
    }

    @Test
    void readsTheDistrictWhereTheFileGivesIt() {
        List<ServiceOffice> offices = read(CENTRE.replace("\"city\":\"某市\",", "\"city\":\"某市\",\"district\":\"东区\","));

        assertThat(offices).extracting(ServiceOffice::district).containsExactly("东区");
    }

    @Test
    void anUnknownKindFailsNamingTheLine() {
        assertThatThrownBy(() -> read(CENTRE + "\n" + CENTRE.replace("LEGAL_AID_CENTRE", "POLICE")))
                .hasMessageContaining("line 2");
    }

    @Test
    void aMissingCoordinateFailsNamingTheLine() {
        assertThatThrownBy(() -> read(CENTRE.replace("\"latitude\":30.5,", "")))
                .hasMessageContaining("line 1").hasMessageContaining("latitude");
    }

    private static List<ServiceOffice> read(String content) {
        return new ServiceOfficeFile().read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "offices.jsonl");
    }
}
