package org.lawline.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.lawline.conversation.DataSubject;
import org.lawline.knowledge.SearchEvaluation;
import org.lawline.knowledge.QueryPart;
import org.lawline.security.Role;

/** What the command line asked for. */
sealed interface Command {

    /** Run the service. */
    record Serve(String[] springArgs) implements Command {
    }

    /** Answer one question, or every line of standard input when there is none. */
    record Ask(Optional<String> question, boolean json) implements Command {
    }

    /** Load knowledge-base entries from a file. */
    record Import(Path file) implements Command {
    }

    /** Push the configured menu to one WeChat official account. */
    record WeChatMenu(String account) implements Command {
    }

    /**
     * Measure search on a labelled query set against plain BM25.
     *
     * @param declineBelow the confidence below which LawLine does not answer, for no-answer precision;
     *                     empty: the dialog's own choice threshold ({@code lawline.dialog.choice-confidence})
     * @param part         the queries measured: all, the tuning part or the held-out part
     * @param folds        when present, also LawLine's cross-validated figures over that many folds
     */
    record Eval(SearchEvaluation.Corpus corpus, Path documents, Path queries, Optional<Double> declineBelow, QueryPart part,
                OptionalInt folds) implements Command {
    }

    /** Add a person who signs in; the password comes as one line on standard input. */
    record UserAdd(String username, Role role, Optional<String> displayName) implements Command {
    }

    /** Stop a person signing in. */
    record UserDisable(String username) implements Command {
    }

    /**
     * Strip what the retention period has run out on, now; or, with {@code --citizen}, one
     * citizen's data on request.
     */
    record Purge(Optional<DataSubject> citizen) implements Command {
    }

    /** Print the usage: {@code help}, {@code --help} or {@code -h}. */
    record Help() implements Command {
    }

    /** The arguments make no sense; {@code message} says why, in Chinese, for the person typing. */
    final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    static Command parse(String[] args) {
        if (args.length == 0 || isSetting(args[0])) {
            return parseServe(args);
        }
        String verb = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        return switch (verb) {
            case "serve" -> parseServe(rest);
            case "ask" -> parseAsk(rest);
            case "import" -> parseImport(rest);
            case "eval" -> parseEval(rest);
            case "wechat" -> parseWeChat(rest);
            case "user" -> parseUser(rest);
            case "purge" -> parsePurge(rest);
            case "help", "--help", "-h" -> new Help();
            default -> throw new UsageError((verb.startsWith("-") ? "未知选项：" : "未知命令：") + verb);
        };
    }

    /**
     * Spring Boot takes {@code --name=value} as a setting ({@code --server.port=9090}); a dash
     * without the {@code =} is a flag we do not have, most often a typo, and starting the server
     * on port 8080 would hide it.
     */
    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.indexOf('=') > 2;
    }

    private static Command parseServe(String[] args) {
        for (String arg : args) {
            if (!isSetting(arg)) {
                throw new UsageError("serve 不认识的参数：" + arg + "（设置请写成 --名称=值，例如 --server.port=9090）");
            }
        }
        return new Serve(args);
    }

    private static Command parseAsk(String[] args) {
        boolean json = false;
        StringBuilder question = new StringBuilder();
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.startsWith("--")) {
                throw new UsageError("ask 不认识的选项：" + arg);
            } else {
                if (!question.isEmpty()) {
                    question.append(' ');
                }
                question.append(arg);
            }
        }
        return new Ask(question.isEmpty() ? Optional.empty() : Optional.of(question.toString()), json);
    }

    private static Command parseWeChat(String[] args) {
        if (args.length == 3 && args[0].equals("menu") && args[1].equals("--account") && !args[2].isBlank()) {
            return new WeChatMenu(args[2]);
        }
        throw new UsageError("用法：./lawline wechat menu --account NAME");
    }

    String USER_USAGE = "用法：./lawline user add NAME --role LAWYER|OPERATOR|ADMIN [--display-name 张律师]（密码从标准输入读一行）\n"
            + "      ./lawline user disable NAME";

    private static Command parseUser(String[] args) {
        if (args.length == 2 && args[0].equals("disable") && !args[1].startsWith("-")) {
            return new UserDisable(args[1]);
        }
        if (args.length < 2 || !args[0].equals("add") || args[1].startsWith("-")) {
            throw new UsageError(USER_USAGE);
        }
        Role role = null;
        Optional<String> displayName = Optional.empty();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageError("user add 的选项 " + option + " 缺少取值\n" + USER_USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--role" -> role = Role.named(value)
                        .orElseThrow(() -> new UsageError("--role 只能是 LAWYER、OPERATOR 或 ADMIN：" + value));
                case "--display-name" -> displayName = Optional.of(value).filter(name -> !name.isBlank());
                default -> throw new UsageError("user add 不认识的选项：" + option + "\n" + USER_USAGE);
            }
        }
        if (role == null) {
            throw new UsageError("user add 需要 --role\n" + USER_USAGE);
        }
        return new UserAdd(args[1], role, displayName);
    }

    String PURGE_USAGE = "用法：./lawline purge                 清理超过保存期限（LAWLINE_RETENTION）的记录\n"
            + "      ./lawline purge --citizen 渠道:ID  删除一位市民的数据（web:ID、wechat:openid、weibo:uid、sms:手机号、hotline:手机号、phone:手机号）";

    private static Command parsePurge(String[] args) {
        if (args.length == 0) {
            return new Purge(Optional.empty());
        }
        if (args.length == 2 && args[0].equals("--citizen")) {
            try {
                return new Purge(Optional.of(DataSubject.parse(args[1])));
            } catch (IllegalArgumentException e) {
                throw new UsageError("--citizen " + e.getMessage() + "\n" + PURGE_USAGE);
            }
        }
        throw new UsageError((args[0].equals("--citizen") ? "purge --citizen 需要一个 渠道:ID" : "purge 不认识的参数：" + args[0])
                + "\n" + PURGE_USAGE);
    }

    String EVAL_USAGE = "用法：./lawline eval --corpus faq|laws --kb FILE --queries FILE [--no-answer-below 置信度，默认取对话的选项阈值]"
            + " [--part all|tuning|held-out，默认 all] [--folds K，交叉验证的折数，2 到 20]";

    /** Folds beyond this leave too few queries a fold to say anything. */
    int MAX_FOLDS = 20;

    private static Command parseEval(String[] args) {
        SearchEvaluation.Corpus corpus = null;
        Path documents = null;
        Path queries = null;
        Optional<Double> declineBelow = Optional.empty();
        QueryPart part = QueryPart.ALL;
        OptionalInt folds = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageError("eval 的选项 " + option + " 缺少取值\n" + EVAL_USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--corpus" -> corpus = switch (value) {
                    case "faq" -> SearchEvaluation.Corpus.FAQ;
                    case "laws" -> SearchEvaluation.Corpus.LAWS;
                    default -> throw new UsageError("--corpus 只能是 faq 或 laws：" + value);
                };
                case "--kb" -> documents = Path.of(value);
                case "--queries" -> queries = Path.of(value);
                case "--no-answer-below" -> declineBelow = Optional.of(threshold(value));
                case "--part" -> part = switch (value) {
                    case "all" -> QueryPart.ALL;
                    case "tuning" -> QueryPart.TUNING;
                    case "held-out" -> QueryPart.HELD_OUT;
                    default -> throw new UsageError("--part 只能是 all、tuning 或 held-out：" + value);
                };
                case "--folds" -> folds = OptionalInt.of(folds(value));
                default -> throw new UsageError("eval 不认识的选项：" + option + "\n" + EVAL_USAGE);
            }
        }
        if (corpus == null || documents == null || queries == null) {
            throw new UsageError("eval 需要 --corpus、--kb 和 --queries\n" + EVAL_USAGE);
        }
        return new Eval(corpus, documents, queries, declineBelow, part, folds);
    }

    private static int folds(String value) {
        try {
            int folds = Integer.parseInt(value);
            if (folds >= 2 && folds <= MAX_FOLDS) {
                return folds;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageError("--folds 应是 2 到 " + MAX_FOLDS + " 之间的整数：" + value);
    }

    private static double threshold(String value) {
        try {
            double threshold = Double.parseDouble(value);
            if (threshold >= 0 && threshold <= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageError("--no-answer-below 应是 0 到 1 之间的数：" + value);
    }

    private static Command parseImport(String[] args) {
        if (args.length != 1 || args[0].startsWith("--")) {
            throw new UsageError("用法：./lawline import FILE（JSONL 或 CSV）");
        }
        return new Import(Path.of(args[0]));
    }
}
