package org.lawline.knowledge;

import java.io.InputStream;
import java.util.List;

/**
 * Reads service offices from a JSON Lines stream: one object per line with {@code id, name, kind}
 * (a {@link ServiceOffice.Kind} name), {@code city, address, phone, hours, latitude, longitude},
 * and optionally {@code district}. Meant for the bundled directory ({@link BundledKnowledge}),
 * which we write: the first bad line fails the whole file.
 */
public interface ServiceOfficeImport {

    /**
     * Every office in the stream, in order. Does not close it.
     *
     * @param name what the stream is called in error messages
     * @throws IllegalArgumentException naming the line, when a line is not a valid office
     */
    List<ServiceOffice> read(InputStream in, String name);
}
