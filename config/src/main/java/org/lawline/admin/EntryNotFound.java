package org.lawline.admin;

/** No entry has the id a request names: 404. */
final class EntryNotFound extends RuntimeException {

    EntryNotFound(String id) {
        super("没有编号为 " + id + " 的条目", null, false, false);
    }
}
