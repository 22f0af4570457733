package org.lawline.channels.weibo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;

class PushParserTest {

    private static Push parse(String json) {
        return PushParser.parse("default", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsATextPushInWeibosOwnDateFormatWithUidsAsNumbers() {
        Push push = parse("""
                {"type":"text","receiver_id":5890124467,"sender_id":2489518277,
                 "created_at":"Mon Jul 16 18:09:20 +0800 2012","text":"私信内容","data":{}}""");

        assertThat(push).isInstanceOfSatisfying(Push.Text.class, text -> assertThat(text.text()).isEqualTo("私信内容"));
        assertThat(push.follower().channel()).isEqualTo(Channel.WEIBO);
        assertThat(push.follower().citizenId()).isEqualTo("2489518277");
        assertThat(push.origin().accountUid()).isEqualTo("5890124467");
        assertThat(push.origin().createdAt()).isEqualTo(Instant.parse("2012-07-16T10:09:20Z"));
    }

    @Test
    void twoMessagesOfTheSameSecondFromTheSameFollowerHaveDifferentClaimKeys() {
        String template = """
                {"type":"text","receiver_id":"5890124467","sender_id":"2489518277","created_at":"Mon Jul 16 18:09:20 +0800 2012","text":"%s"}""";

        String first = parse(template.formatted("工伤怎么认定")).origin().claimKey();
        String second = parse(template.formatted("工伤赔偿标准")).origin().claimKey();
        String again = parse(template.formatted("工伤怎么认定")).origin().claimKey();

        assertThat(first).isNotEqualTo(second).isEqualTo(again).startsWith("push:2489518277:1342433360:text:");
        assertThat(first.length()).isLessThan(240);
    }

    @Test
    void theSameSecondsFollowAndClickAreTwoPushes() {
        String follow = parse("""
                {"type":"event","receiver_id":1,"sender_id":2,"created_at":"1342433360","data":{"subtype":"follow","key":""}}""")
                .origin().claimKey();
        String click = parse("""
                {"type":"event","receiver_id":1,"sender_id":2,"created_at":"1342433360","data":{"subtype":"click","key":"LAWLINE_FAQ"}}""")
                .origin().claimKey();

        assertThat(follow).isNotEqualTo(click);
    }

    @Test
    void readsEventsMentionsAndPositionsWithTheirData() {
        assertThat(parse("""
                {"type":"event","receiver_id":1,"sender_id":2,"created_at":"1342433360","data":{"subtype":"unfollow"}}"""))
                .isInstanceOfSatisfying(Push.Event.class, event -> assertThat(event.subtype().leaves()).isTrue());
        assertThat(parse("""
                {"type":"mention","receiver_id":1,"sender_id":2,"created_at":"1342433360","text":"@我们 问题","data":{"subtype":"comment"}}"""))
                .isInstanceOfSatisfying(Push.Mention.class, mention -> assertThat(mention.subtype()).isEqualTo("comment"));
        assertThat(parse("""
                {"type":"position","receiver_id":1,"sender_id":2,"created_at":"1342433360","data":{"longitude":"116.308586","latitude":"39.982525"}}"""))
                .isInstanceOfSatisfying(Push.Position.class, position -> {
                    assertThat(position.latitude()).isEqualTo(39.982525);
                    assertThat(position.longitude()).isEqualTo(116.308586);
                });
    }

    @Test
    void acceptsDataSentAsAJsonString() {
        assertThat(parse("""
                {"type":"event","receiver_id":1,"sender_id":2,"created_at":"1342433360","data":"{\\"subtype\\":\\"click\\",\\"key\\":\\"LAWLINE_LAWYER\\"}"}"""))
                .isInstanceOfSatisfying(Push.Event.class, event -> assertThat(event.key()).isEqualTo("LAWLINE_LAWYER"));
    }

    @Test
    void anUnknownTypeIsReadAsUnknownNotRefused() {
        assertThat(parse("""
                {"type":"sticker","receiver_id":1,"sender_id":2,"created_at":"1342433360"}""").kind()).isEqualTo("unknown:sticker");
    }

    @Test
    void refusesWhatIsNotAPush() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(PushParser.MalformedPush.class);
        assertThatThrownBy(() -> parse("""
                {"type":"text","receiver_id":1,"sender_id":"2; drop table","created_at":"1342433360"}""")).isInstanceOf(PushParser.MalformedPush.class);
        assertThatThrownBy(() -> parse("""
                {"type":"text","receiver_id":1,"sender_id":2,"created_at":"yesterday"}""")).isInstanceOf(PushParser.MalformedPush.class);
        assertThatThrownBy(() -> parse("""
                {"type":"text","receiver_id":1,"sender_id":2}""")).isInstanceOf(PushParser.MalformedPush.class);
        assertThatThrownBy(() -> parse("""
                {"type":{"a":1},"receiver_id":1,"sender_id":2,"created_at":"1342433360"}""")).isInstanceOf(PushParser.MalformedPush.class);
        assertThatThrownBy(() -> parse("""
                {"type":"position","receiver_id":1,"sender_id":2,"created_at":"1342433360","data":{"longitude":"NaN","latitude":"1"}}"""))
                .isInstanceOf(PushParser.MalformedPush.class);
    }
}
