package org.lawline.knowledge;

/**
 * A legal-service office a citizen can go to: legal-aid centre, law firm, notary office,
 * mediation committee, judicial-appraisal institute.
 *
 * @param district the city district (or county) it is in, as citizens name it ({@code 西湖区});
 *                 empty when not known
 */
public record ServiceOffice(
        String id,
        String name,
        Kind kind,
        String city,
        String district,
        String address,
        String phone,
        String hours,
        double latitude,
        double longitude) {

    public enum Kind {
        LEGAL_AID_CENTRE("法律援助中心"),
        LAW_FIRM("律师事务所"),
        NOTARY_OFFICE("公证处"),
        MEDIATION_COMMITTEE("人民调解委员会"),
        JUDICIAL_APPRAISAL("司法鉴定机构");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name citizens know this kind of office by. */
        public String label() {
            return label;
        }
    }
}
