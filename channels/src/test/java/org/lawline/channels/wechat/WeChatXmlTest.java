package org.lawline.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeChatXmlTest {

    @Test
    void readsAWeChatTextMessage() {
        WeChatXml.Fields fields = parse("""
                <xml><ToUserName><![CDATA[gh_123]]></ToUserName><FromUserName><![CDATA[oCitizen]]></FromUserName>
                <CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[老板拖欠工资 &amp; 不发]]></Content><MsgId>1234567890123456</MsgId></xml>""");
        assertThat(fields.get("Content")).hasValue("老板拖欠工资 &amp; 不发");
        assertThat(fields.get("MsgId")).hasValue("1234567890123456");
        assertThat(fields.get("Missing")).isEmpty();
    }

    @Test
    void readsThePredefinedEntitiesOutsideCdata() {
        assertThat(parse("<xml><Content>a &amp; b &lt; c</Content></xml>").get("Content")).hasValue("a & b < c");
    }

    @Test
    void refusesExternalEntitiesAndReadsNothing(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><Content>&x;</Content></xml>";
        assertThatThrownBy(() -> parse(xxe))
                .isInstanceOf(WeChatXml.InvalidXml.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void refusesEntityExpansionBombs() {
        // refused at the DOCTYPE, before a single entity is expanded
        assertThatThrownBy(() -> parse(WebhookCalls.BILLION_LAUGHS)).isInstanceOf(WeChatXml.InvalidXml.class);
    }

    @Test
    void refusesWhatIsNotXml() {
        assertThatThrownBy(() -> parse("hello")).isInstanceOf(WeChatXml.InvalidXml.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(WeChatXml.InvalidXml.class);
        assertThatThrownBy(() -> parse("<xml><a>")).isInstanceOf(WeChatXml.InvalidXml.class);
        assertThatThrownBy(() -> parse("<xml>" + "<a>".repeat(10) + "</a>".repeat(10) + "</xml>")).isInstanceOf(WeChatXml.InvalidXml.class);
    }

    @Test
    void writesCdataThatSurvivesItsOwnTerminator() {
        String reply = WeChatXml.textReply("oCitizen", "gh_123", 1, "危险]]><b>不是标签</b>");
        assertThat(parse(reply).get("Content")).hasValue("危险]]><b>不是标签</b>");
    }

    private static WeChatXml.Fields parse(String xml) {
        return WeChatXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
