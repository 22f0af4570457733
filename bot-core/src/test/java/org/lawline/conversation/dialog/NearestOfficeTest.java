package org.lawline.conversation.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.Channel;
import org.lawline.conversation.ChannelIdentity;
import org.lawline.conversation.DialogSettings;
import org.lawline.conversation.DialogState;
import org.lawline.conversation.InboundMessage;
import org.lawline.conversation.LegalAidSettings;
import org.lawline.conversation.OfficeDirectory;
import org.lawline.conversation.Reply;
import org.lawline.conversation.ReplyKind;
import org.lawline.conversation.state.InMemoryConversationStore;
import org.lawline.conversation.state.StoreTurns;
import org.lawline.conversation.transcript.Transcripts;
import org.lawline.knowledge.BundledKnowledge;
import org.lawline.knowledge.ServiceOffice;

/**
 * "附近有没有法律服务所": the bot asks which district (or for the citizen's location), and lists
 * that district's offices with address, phone, hours and a map link, from the bundled directory
 * every channel answers a location from.
 */
class NearestOfficeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofHours(24), 100);
    private final ConversationEngine engine = new ConversationEngine(Fixtures.knowledgeBase(), store, new StoreTurns(store),
            event -> { }, DialogSettings.defaults(), LegalAidSettings.defaults(), clock, Transcripts.NONE);
    private final ChannelIdentity citizen = new ChannelIdentity(Channel.WEB, "default", "offices-1");
    private final AtomicInteger ids = new AtomicInteger();

    @Test
    void askingForAnOfficeNearbyIsAskedWhichDistrictNamingThoseWithOffices() {
        Reply reply = say("附近有没有法律服务所");

        assertThat(reply.kind()).isEqualTo(ReplyKind.OFFICES);
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
        assertThat(((Reply.Offices) reply).offices()).isEmpty();
        assertThat(reply.text()).startsWith("请问您在哪个区").contains("西湖区", "滨江区", "萧山区").contains("发送您的位置");
    }

    @Test
    void theDistrictAloneThenListsItsOfficesWithAddressPhoneHoursAndAMapLink() {
        say("附近有没有法律服务所");

        Reply reply = say("西湖区");

        assertThat(reply.kind()).isEqualTo(ReplyKind.OFFICES);
        Reply.Offices listed = (Reply.Offices) reply;
        assertThat(listed.offices()).isNotEmpty().allSatisfy(office -> assertThat(office.district()).isEqualTo("西湖区"));
        assertThat(listed.offices()).extracting(ServiceOffice::id).containsExactlyInAnyOrderElementsOf(
                BundledKnowledge.serviceOffices().stream().filter(o -> o.district().equals("西湖区")).map(ServiceOffice::id).toList());
        assertThat(listed.offices().get(0).kind()).as("the free legal-aid centre first").isEqualTo(ServiceOffice.Kind.LEGAL_AID_CENTRE);
        ServiceOffice centre = listed.offices().get(0);
        assertThat(reply.text()).startsWith("西湖区的法律服务机构")
                .contains("地址：" + centre.address(), "电话：" + centre.phone(), "办公时间：" + centre.hours(),
                        "地图：https://uri.amap.com/marker?position=120.136500,30.277200&name=")
                .endsWith("也可拨打12348法律服务热线咨询。");
    }

    @Test
    void aDistrictInTheQuestionListsItsOfficesAtOnceWithOrWithoutQu() {
        assertThat(((Reply.Offices) say("滨江附近的律师事务所在哪")).offices())
                .isNotEmpty().allSatisfy(office -> assertThat(office.district()).isEqualTo("滨江区"));
        assertThat(((Reply.Offices) say("我在萧山区，最近的法律援助中心在哪里")).offices())
                .isNotEmpty().allSatisfy(office -> assertThat(office.district()).isEqualTo("萧山区"));
    }

    @Test
    void aNearbyLawFirmIsAPlaceNotARequestForTheDutyLawyer() {
        Reply reply = say("附近有没有律所");

        assertThat(reply.kind()).isEqualTo(ReplyKind.OFFICES);
        assertThat(reply.state()).isEqualTo(DialogState.BOT);
    }

    @Test
    void aQuestionAboutOfficesThatAsksNoPlaceStaysAQuestionAndSoDoesLegalAid() {
        assertThat(say("律师事务所怎么收费").kind()).isNotEqualTo(ReplyKind.OFFICES);
        assertThat(say("怎么申请法律援助").kind()).isNotEqualTo(ReplyKind.OFFICES);
    }

    @Test
    void whileWaitingForALawyerTheOfficesComeWithTheQueueStillHeld() {
        say("转人工");

        Reply reply = say("西湖区的法律援助中心在哪");

        assertThat(reply.kind()).isEqualTo(ReplyKind.OFFICES);
        assertThat(reply.state()).isEqualTo(DialogState.QUEUED);
        assertThat(reply.text()).contains("杭州市西湖区法律援助中心");
    }

    @Test
    void aLocationIsAnsweredWithTheNearestOfficesNearestFirstWithTheirDistance() {
        // beside the West Lake district's legal-aid centre (文三路198号)
        Reply.Offices reply = OfficeDirectory.bundled().nearest(30.2775, 120.1360, DialogState.BOT);

        assertThat(reply.offices()).hasSize(OfficeDirectory.NEAREST);
        assertThat(reply.offices().get(0).id()).isEqualTo("office-hz-aid-xihu");
        assertThat(reply.text()).startsWith("离您最近的法律服务机构：").contains("距离：约").contains("地图：https://uri.amap.com/");
    }

    private Reply say(String text) {
        clock.advance(Duration.ofSeconds(10));
        return engine.handle(new InboundMessage(citizen, "m" + ids.incrementAndGet(), text, clock.instant()));
    }
}
