package org.lawline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void noArgumentsRunsTheService() {
        assertThat(Command.parse(new String[0])).isInstanceOf(Command.Serve.class);
    }

    @Test
    void springOptionsAloneRunTheService() {
        assertThat(Command.parse(new String[] {"--server.port=0"})).isInstanceOf(Command.Serve.class);
    }

    @Test
    void askTakesTheQuestionAndTheJsonFlagInAnyOrder() {
        assertThat(Command.parse(new String[] {"ask", "--json", "老板欠薪怎么办"}))
                .isEqualTo(new Command.Ask(Optional.of("老板欠薪怎么办"), true));
        assertThat(Command.parse(new String[] {"ask", "老板欠薪怎么办", "--json"}))
                .isEqualTo(new Command.Ask(Optional.of("老板欠薪怎么办"), true));
    }

    @Test
    void askWithoutAQuestionReadsStandardInput() {
        assertThat(Command.parse(new String[] {"ask", "--json"})).isEqualTo(new Command.Ask(Optional.empty(), true));
    }

    @Test
    void askRejectsUnknownOptions() {
        assertThatThrownBy(() -> Command.parse(new String[] {"ask", "--jsn", "问题"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--jsn");
    }

    @Test
    void importNeedsExactlyOneFile() {
        assertThat(Command.parse(new String[] {"import", "faq.jsonl"})).isEqualTo(new Command.Import(Path.of("faq.jsonl")));
        assertThatThrownBy(() -> Command.parse(new String[] {"import"})).isInstanceOf(Command.UsageError.class);
        assertThatThrownBy(() -> Command.parse(new String[] {"import", "a", "b"})).isInstanceOf(Command.UsageError.class);
    }

    @Test
    void helpAndItsFlagsAskForTheUsage() {
        for (String asking : new String[] {"help", "--help", "-h"}) {
            assertThat(Command.parse(new String[] {asking})).as(asking).isEqualTo(new Command.Help());
        }
    }

    @Test
    void anUnknownFlagIsAUsageErrorNotAServerStart() {
        assertThatThrownBy(() -> Command.parse(new String[] {"--hepl"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--hepl");
        assertThatThrownBy(() -> Command.parse(new String[] {"-x"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("-x");
        assertThatThrownBy(() -> Command.parse(new String[] {"serve", "--port"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> Command.parse(new String[] {"--server.port=0", "extra"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("extra");
    }

    @Test
    void serveTakesSpringSettings() {
        assertThat(Command.parse(new String[] {"serve", "--server.port=0", "--lawline.dialog.idle-timeout=5m"}))
                .isInstanceOf(Command.Serve.class);
    }

    @Test
    void unknownVerbIsAUsageError() {
        assertThatThrownBy(() -> Command.parse(new String[] {"serv"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("serv");
    }

    @Test
    void wechatMenuNamesTheAccount() {
        assertThat(Command.parse(new String[] {"wechat", "menu", "--account", "default"}))
                .isEqualTo(new Command.WeChatMenu("default"));
        assertThatThrownBy(() -> Command.parse(new String[] {"wechat", "menu"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--account");
    }

    @Test
    void userAddTakesTheRoleInAnyCaseAndAnOptionalDisplayName() {
        assertThat(Command.parse(new String[] {"user", "add", "zhang", "--role", "lawyer", "--display-name", "张律师"}))
                .isEqualTo(new Command.UserAdd("zhang", org.lawline.security.Role.LAWYER, Optional.of("张律师")));
        assertThat(Command.parse(new String[] {"user", "add", "li", "--role", "OPERATOR"}))
                .isEqualTo(new Command.UserAdd("li", org.lawline.security.Role.OPERATOR, Optional.empty()));
    }

    @Test
    void userAddWithoutARoleOrWithAnUnknownOneIsAUsageError() {
        assertThatThrownBy(() -> Command.parse(new String[] {"user", "add", "zhang"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--role");
        assertThatThrownBy(() -> Command.parse(new String[] {"user", "add", "zhang", "--role", "JUDGE"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("JUDGE");
        assertThatThrownBy(() -> Command.parse(new String[] {"user", "add", "zhang", "--role", "LAWYER", "--password", "x"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--password");
    }

    @Test
    void userDisableTakesOneName() {
        assertThat(Command.parse(new String[] {"user", "disable", "zhang"})).isEqualTo(new Command.UserDisable("zhang"));
        assertThatThrownBy(() -> Command.parse(new String[] {"user", "disable"})).isInstanceOf(Command.UsageError.class);
    }

    @Test
    void purgeAloneRunsTheRetentionPurge() {
        assertThat(Command.parse(new String[] {"purge"})).isEqualTo(new Command.Purge(Optional.empty()));
    }

    @Test
    void purgeCitizenTakesAChannelAndAnIdOrAPhoneNumber() {
        assertThat(Command.parse(new String[] {"purge", "--citizen", "wechat:oAbc123"}))
                .isEqualTo(new Command.Purge(Optional.of(new org.lawline.conversation.DataSubject.OnChannel(
                        org.lawline.conversation.Channel.WECHAT, "oAbc123"))));
        assertThat(Command.parse(new String[] {"purge", "--citizen", "phone:+86 138-0013-8000"}))
                .isEqualTo(new Command.Purge(Optional.of(new org.lawline.conversation.DataSubject.ByPhone(
                        new org.lawline.conversation.MobileNumber("13800138000")))));
    }

    @Test
    void purgeWithAnUnknownFlagOrAMalformedCitizenIsAUsageError() {
        assertThatThrownBy(() -> Command.parse(new String[] {"purge", "--all"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--all").hasMessageContaining("用法");
        assertThatThrownBy(() -> Command.parse(new String[] {"purge", "--citizen"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("--citizen");
        assertThatThrownBy(() -> Command.parse(new String[] {"purge", "--citizen", "oAbc123"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("渠道:ID");
        assertThatThrownBy(() -> Command.parse(new String[] {"purge", "--citizen", "qq:12345"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("qq");
        assertThatThrownBy(() -> Command.parse(new String[] {"purge", "--citizen", "phone:12345"}))
                .isInstanceOf(Command.UsageError.class).hasMessageContaining("手机号");
        assertThatThrownBy(() -> Command.parse(new String[] {"purge", "--citizen", "web:purged"}))
                .isInstanceOf(Command.UsageError.class);
    }
}
