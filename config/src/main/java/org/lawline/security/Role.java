package org.lawline.security;

/** What a signed-in person may do. Spring Security sees each as the authority {@code ROLE_<name>}. */
public enum Role {
    /** A duty lawyer: the inbox. */
    LAWYER,
    /** A 12348 hotline operator: the callbacks list. */
    OPERATOR,
    /** Users, roster, knowledge base; and everything the others see. */
    ADMIN;

    /** The role named on a command line or a form, in any case. */
    public static java.util.Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
