package org.lawline.channels.wechat;

import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.lawline.channels.Notice;
import org.lawline.channels.delivery.Delivery;
import org.lawline.channels.delivery.NoticeForms;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.PlatformAnswer;
import org.lawline.channels.delivery.Purpose;
import org.lawline.conversation.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Template messages: WeChat's form for notices, which needs no open window. Each account
 * configures a template id per kind of notice; WeChat's later report (TEMPLATESENDJOBFINISH, see
 * {@link JobReports}) settles the delivery.
 */
class WeChatTemplates implements NoticeForms {

    private static final Logger log = LoggerFactory.getLogger(WeChatTemplates.class);

    /** WeChat: the citizen refused this account's template messages. */
    private static final int REFUSED_BY_CITIZEN = 43004;

    private final WeChatAccounts accounts;
    private final Outbox outbox;

    WeChatTemplates(WeChatAccounts accounts, Outbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public Optional<Delivery> send(Notice notice) {
        Optional<WeChatAccounts.Served> account = accounts.find(notice.to().account());
        Optional<String> template = account.map(served -> served.settings().templates().get(notice.kind().key()));
        if (account.isEmpty() || template.isEmpty()) {
            log.warn("{} notice for {} has no template: none configured for {}", notice.kind(), notice.to(), notice.kind().key());
            return Optional.empty();
        }
        return Optional.of(outbox.sendOwnWay(notice.to(), notice.text(), Purpose.NOTICE, part -> {
            WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(part.to().citizenId()).templateId(template.get()).build();
            notice.fields().forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
            try {
                return new PlatformAnswer.Accepted(Optional.ofNullable(account.get().api().getTemplateMsgService().sendTemplateMsg(message)));
            } catch (WxErrorException e) {
                int code = WeChatPlatform.errcode(e);
                String reason = "template refused: WeChat errcode " + code;
                return code == REFUSED_BY_CITIZEN ? new PlatformAnswer.Refused(reason) : new PlatformAnswer.Failed(reason);
            } catch (RuntimeException e) {
                return new PlatformAnswer.Failed("WeChat API unreachable (" + e.getClass().getSimpleName() + ")");
            }
        }));
    }
}
