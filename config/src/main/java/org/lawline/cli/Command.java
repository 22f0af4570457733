package org.lawline.cli;

import java.nio.file.Path;
import java.util.Optional;

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

    record Help() implements Command {
    }

    /** The arguments make no sense; {@code message} says why, in Chinese, for the person typing. */
    final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    static Command parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            return new Serve(args);
        }
        String verb = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        return switch (verb) {
            case "serve" -> new Serve(rest);
            case "ask" -> parseAsk(rest);
            case "import" -> parseImport(rest);
            case "wechat" -> parseWeChat(rest);
            case "help", "-h" -> new Help();
            default -> throw new UsageError("未知命令：" + verb);
        };
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

    private static Command parseImport(String[] args) {
        if (args.length != 1 || args[0].startsWith("--")) {
            throw new UsageError("用法：./lawline import FILE（JSONL 或 CSV）");
        }
        return new Import(Path.of(args[0]));
    }
}
