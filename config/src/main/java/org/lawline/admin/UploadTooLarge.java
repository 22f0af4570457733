package org.lawline.admin;

/** An import upload passed the size cap: 413. */
final class UploadTooLarge extends RuntimeException {

    UploadTooLarge(long maxBytes) {
        super("上传文件超过上限 " + (maxBytes / (1024 * 1024)) + " MB", null, false, false);
    }
}
