package org.lawline.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.lawline.LawLineApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The entry point behind {@code ./lawline}: runs the service, or a one-shot command in a context
 * without a web server whose logs go to standard error.
 */
public final class LawLineCommand {

    static final String USAGE = """
            用法：
              ./lawline [serve]              启动服务（默认），浏览器打开 http://localhost:8080
              ./lawline ask "问题" [--json]   不启动服务，直接回答一个问题
              ./lawline ask --json < 文件     每行一个问题，每行输出一个 JSON
              ./lawline import FILE          导入知识库条目（JSONL 或 CSV）或法条（JSONL，按内容识别）
              ./lawline eval --corpus faq|laws --kb FILE --queries FILE
                                             在标注问题集上评测检索（与 BM25 基线同场对比），不需要数据库
              ./lawline wechat menu --account NAME  推送公众号菜单
              ./lawline user add NAME --role LAWYER|OPERATOR|ADMIN [--display-name 张律师]
                                             添加登录账号，密码从标准输入读一行（至少 10 个字符）
              ./lawline user disable NAME    停用账号
              ./lawline purge                清理超过保存期限（LAWLINE_RETENTION，默认 P180D）的记录中的文字和手机号
              ./lawline purge --citizen 渠道:ID  删除一位市民的数据（web:ID、wechat:openid、weibo:uid、
                                             sms:手机号、hotline:手机号，或 phone:手机号 即凡带此号码的记录）
              ./lawline test                 启动测试所需的服务，运行全部测试
              ./lawline help | --help | -h   显示本说明
            """;

    private LawLineCommand() {
    }

    public static void run(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Command command;
        try {
            command = Command.parse(args);
        } catch (Command.UsageError e) {
            err.println(e.getMessage());
            err.print(USAGE);
            System.exit(2);
            return;
        }
        if (!(command instanceof Command.Eval)) {
            EmbeddedDatabase.secure(System.getenv());
        }
        if (command instanceof Command.Serve serve) {
            new SpringApplicationBuilder(LawLineApplication.class).run(serve.springArgs());
        } else if (command instanceof Command.Ask ask) {
            System.exit(oneShot(context -> new AskCommand(context, out, err).run(ask)));
        } else if (command instanceof Command.Eval eval) {
            // no application context: the evaluation reads only the files it is given
            System.exit(new EvalCommand(out, err).run(eval));
        } else if (command instanceof Command.Import importing) {
            System.exit(oneShot(context -> new ImportCommand(context, out, err).run(importing)));
        } else if (command instanceof Command.UserAdd add) {
            System.exit(oneShot(context -> new UserCommand(context, System.in, out, err).add(add)));
        } else if (command instanceof Command.UserDisable disable) {
            System.exit(oneShot(context -> new UserCommand(context, System.in, out, err).disable(disable)));
        } else if (command instanceof Command.Purge purge) {
            System.exit(oneShot(context -> new PurgeCommand(context, out, err).run(purge)));
        } else if (command instanceof Command.WeChatMenu menu) {
            System.exit(oneShot(context -> new WeChatMenuCommand(context, out, err).run(menu)));
        } else {
            out.print(USAGE);
        }
    }

    interface OneShot {
        int run(ConfigurableApplicationContext context) throws Exception;
    }

    private static int oneShot(OneShot body) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LawLineApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("cli")
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run()) {
            return body.run(context);
        } catch (Exception e) {
            System.err.println("LawLine 出错：" + e.getMessage());
            return 1;
        }
    }
}
