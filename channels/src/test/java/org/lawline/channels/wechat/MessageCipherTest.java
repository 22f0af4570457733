package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.junit.jupiter.api.Test;

/**
 * Against WeChat's published sample (the message-encryption sample of the developer
 * documentation: token pamtest, its EncodingAESKey and app id) and WxJava's own crypto.
 */
class MessageCipherTest {

    static final String SAMPLE_TOKEN = "pamtest";
    static final String SAMPLE_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String SAMPLE_APP_ID = "wxb11529c136998cb6";
    static final String SAMPLE_TIMESTAMP = "1409304348";
    static final String SAMPLE_NONCE = "xxxxxx";
    static final String SAMPLE_RANDOM = "aaaabbbbccccdddd";
    static final String SAMPLE_SHORT_PLAIN = "我是中文abcd123";
    static final String SAMPLE_SHORT_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    static final String SAMPLE_MESSAGE = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName>"
            + "<FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime>"
            + "<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId>"
            + "<Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
    static final String SAMPLE_MESSAGE_ENCRYPTED = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

    private final MessageCipher sample = new MessageCipher(List.of(SAMPLE_AES_KEY), SAMPLE_APP_ID);

    @Test
    void decryptsWeChatsPublishedSampleMessage() {
        assertThat(sample.decrypt(SAMPLE_MESSAGE_ENCRYPTED)).isEqualTo(SAMPLE_MESSAGE);
    }

    @Test
    void encryptsLikeWeChatsPublishedSample() {
        assertThat(sample.encrypt(SAMPLE_RANDOM.getBytes(StandardCharsets.US_ASCII), SAMPLE_SHORT_PLAIN))
                .isEqualTo(SAMPLE_SHORT_ENCRYPTED);
    }

    @Test
    void ourEncryptedReplyVerifiesWithWxJavasCrypto() {
        String reply = WeChatXml.textReply("citizen", "gh_account", 1_700_000_000L, "您好，]]> 这是回复。");
        String encrypted = sample.encrypt(reply);
        String signature = Signatures.sign(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE, encrypted);
        String envelope = WeChatXml.encryptedReply(encrypted, signature, 1409304348L, SAMPLE_NONCE);

        String decrypted = wxJava().decryptXml(signature, SAMPLE_TIMESTAMP, SAMPLE_NONCE, envelope);

        assertThat(decrypted).isEqualTo(reply);
        assertThat(signature).isEqualTo(SHA1.gen(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE, encrypted));
    }

    @Test
    void readsWhatWxJavaEncrypts() {
        String encrypted = wxJava().encrypt("aaaabbbbccccdddd", "<xml><Content><![CDATA[劳动仲裁]]></Content></xml>");
        assertThat(sample.decrypt(encrypted)).isEqualTo("<xml><Content><![CDATA[劳动仲裁]]></Content></xml>");
    }

    @Test
    void refusesAMessageEncryptedForAnotherAccount() {
        MessageCipher other = new MessageCipher(List.of(SAMPLE_AES_KEY), "wx0000000000000000");
        String encrypted = other.encrypt("<xml/>");
        assertThatThrownBy(() -> sample.decrypt(encrypted))
                .isInstanceOf(MessageCipher.UndecryptableMessage.class)
                .hasMessageContaining("another app id");
    }

    @Test
    void opensMessagesStillEncryptedWithThePreviousKeyAfterRotation() {
        String newKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
        MessageCipher rotated = new MessageCipher(List.of(newKey, SAMPLE_AES_KEY), SAMPLE_APP_ID);
        assertThat(rotated.decrypt(SAMPLE_MESSAGE_ENCRYPTED)).isEqualTo(SAMPLE_MESSAGE);
        MessageCipher withNewKeyOnly = new MessageCipher(List.of(newKey), SAMPLE_APP_ID);
        assertThat(withNewKeyOnly.decrypt(rotated.encrypt("<xml>new</xml>"))).isEqualTo("<xml>new</xml>");
    }

    @Test
    void refusesGarbageWithoutSayingWhatItWas() {
        assertThatThrownBy(() -> sample.decrypt("not base64 at all!")).isInstanceOf(MessageCipher.UndecryptableMessage.class);
        assertThatThrownBy(() -> sample.decrypt("AAAA")).isInstanceOf(MessageCipher.UndecryptableMessage.class);
        assertThatThrownBy(() -> sample.decrypt(SAMPLE_SHORT_ENCRYPTED.substring(0, 44)))
                .isInstanceOf(MessageCipher.UndecryptableMessage.class);
    }

    @Test
    void signaturesAreWeChatsSha1OfTheSortedParts() {
        String expected = SHA1.gen(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE);
        assertThat(Signatures.sign(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isEqualTo(expected);
        assertThat(Signatures.matches(expected, SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isTrue();
        assertThat(Signatures.matches(expected.toUpperCase(), SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isFalse();
        assertThat(Signatures.matches(expected, SAMPLE_TOKEN, "1409304349", SAMPLE_NONCE)).isFalse();
        assertThat(Signatures.matches(null, SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isFalse();
        assertThat(Signatures.matches("", SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isFalse();
    }

    private static WxMpCryptUtil wxJava() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(SAMPLE_APP_ID);
        config.setToken(SAMPLE_TOKEN);
        config.setAesKey(SAMPLE_AES_KEY);
        return new WxMpCryptUtil(config);
    }
}
