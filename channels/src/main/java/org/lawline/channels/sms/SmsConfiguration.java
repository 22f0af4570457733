package org.lawline.channels.sms;

import io.lettuce.core.api.StatefulRedisConnection;
import org.lawline.conversation.SharedRedis;
import java.time.Clock;
import java.time.ZoneId;
import org.lawline.channels.delivery.ClaimedReplies;
import org.lawline.channels.delivery.DailyCaps;
import org.lawline.channels.delivery.DeliveryConfiguration;
import org.lawline.channels.delivery.InboundClaims;
import org.lawline.channels.delivery.Outbox;
import org.lawline.channels.delivery.Subscribers;
import org.lawline.conversation.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS channel's wiring, plugged into the shared delivery ({@link DeliveryConfiguration}). The
 * daily counts per number live in Redis when bot-core made a connection for
 * {@code lawline.redis.url}, so that every instance counts against the same cap; else in this
 * process. With no gateway on, the push URLs answer 404 and nothing calls a gateway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsSettings.class)
@Import(DeliveryConfiguration.class)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    /** Whose calendar days a daily cap counts: the citizens'. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean(destroyMethod = "close")
    SmsGateways smsGateways(SmsSettings settings, ObjectProvider<JsonMapper> json, ObjectProvider<Clock> clock) {
        SmsGateways gateways = new SmsGateways(settings, mapper(json), clock.getIfAvailable(Clock::systemUTC));
        if (gateways.isEmpty()) {
            log.info("SMS channel off: no gateway has an access key id (LAWLINE_SMS_ACCESS_KEY_ID) or an SMSC host");
        } else {
            log.info("SMS channel on for gateways {}", gateways.names());
        }
        return gateways;
    }

    @Bean(destroyMethod = "close")
    SmsWorkers smsWorkers(SmsSettings settings) {
        return new SmsWorkers(settings.workers());
    }

    @Bean
    SmsPlatform smsPlatform(SmsGateways gateways, SmsSettings settings, Subscribers subscribers, SmsWorkers workers,
                            ObjectProvider<SharedRedis> redis) {
        StatefulRedisConnection<String, String> connection = redis.getIfAvailable() == null ? null : redis.getIfAvailable().connection();
        // counted per citizen identity and day: an SMS citizen and a hotline caller of one number count apart
        DailyCaps caps = connection == null
                ? new DailyCaps.InProcess(settings.dailyCap(), CHINA)
                : new DailyCaps.InRedis(connection, settings.keyPrefix(), settings.dailyCap(), CHINA);
        return new SmsPlatform(gateways, caps, settings.dailyCap(), subscribers, workers.executor());
    }

    @Bean
    HotlineCallers hotlineCallers(SmsPlatform sms, SmsSettings settings) {
        return new HotlineCallers(sms, settings.hotlineGateway());
    }

    @Bean
    SmsInbound smsInbound(InboundClaims claims, ClaimedReplies replies, Conversations conversations, Subscribers subscribers,
                          Outbox outbox, SmsWorkers workers, SmsSettings settings, ObjectProvider<JsonMapper> json,
                          ObjectProvider<Clock> clock) {
        return new SmsInbound(claims, replies, conversations, subscribers, outbox, workers.executor(), mapper(json),
                clock.getIfAvailable(Clock::systemUTC), settings.hotlineGateway());
    }

    @Bean
    SmsStrandedItems smsStrandedItems(SmsInbound inbound, InboundClaims claims, ObjectProvider<JsonMapper> json) {
        return new SmsStrandedItems(inbound, claims, mapper(json));
    }

    @Bean
    SmsPushWebhook smsPushWebhook(SmsGateways gateways, SmsInbound inbound, SmsSettings settings, ObjectProvider<JsonMapper> json) {
        return new SmsPushWebhook(gateways, inbound, new PushItems(mapper(json)), settings);
    }

    /** The SMPP links bind once everything they deliver to exists. */
    @Bean
    SmartInitializingSingleton smppLinks(SmsGateways gateways, SmsInbound inbound) {
        return () -> gateways.start(new SmppGateway.Receiver() {
            @Override
            public void message(String gateway, PushItems.MobileOriginated message) {
                inbound.accept(gateway, message);
            }

            @Override
            public void receipt(String gateway, PushItems.DeliveryReceipt receipt) {
                inbound.accept(gateway, receipt);
            }
        });
    }

    private static JsonMapper mapper(ObjectProvider<JsonMapper> json) {
        return json.getIfAvailable(() -> JsonMapper.builder().build());
    }
}
