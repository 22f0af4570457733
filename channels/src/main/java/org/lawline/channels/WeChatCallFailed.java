package org.lawline.channels;

/**
 * A call to WeChat's API failed. The message names the account, the call and WeChat's errcode
 * when there is one; never a token, a secret or a citizen's id.
 */
public class WeChatCallFailed extends RuntimeException {

    private final int errcode;

    public WeChatCallFailed(String message, int errcode) {
        super(message);
        this.errcode = errcode;
    }

    /** WeChat's errcode, or 0 when the call got no answer from WeChat. */
    public int errcode() {
        return errcode;
    }
}
