package org.lawline.knowledge.tuning;

import java.util.Collection;

/** A question with the ids of the documents that answer it (none when nothing should be answered). */
public interface Judged {

    String text();

    Collection<String> gold();
}
