package org.lawline.channels.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;

/**
 * The address a request came from. Behind a proxy that is the forwarded address — but only when
 * the request reached us from a proxy we trust: anyone else could write any X-Forwarded-For and
 * get a fresh allowance per request.
 */
final class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        // Right to left: each trusted proxy appended the address it saw; the first one that is
        // not a trusted proxy is the client as far as anyone we trust can tell.
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return address;
    }
}
