package org.lawline.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load run against a running LawLine: the static chat page, web-chat turns on a cycle of
 * everyday questions (as real traffic repeats them) and web-chat turns on questions that are all
 * distinct; each as many requests as the threads get through, and each turn's rate beside the
 * page's, in the same run. The three loads take turns, a few seconds each, round after round, so
 * that whatever else the machine does weighs on all three alike. A main class, not a test (speed
 * is measured, never asserted); docs/benchmarks.md has the command and the figures.
 *
 * <p>The service's rate limits must be lifted for the run
 * ({@code LAWLINE_RATE_LIMIT_PER_MINUTE}, {@code LAWLINE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE}):
 * every request comes from one address.
 *
 * <p>It needs nothing but the JDK, so it runs from its source file:
 * {@code java config/src/test/java/org/lawline/load/WebTurnLoad.java http://127.0.0.1:8080}.
 *
 * <p>Arguments: base URL (default {@code http://127.0.0.1:8080}), rounds (6), seconds of each
 * load in a round (5), threads (8). Before the first round each load runs 5 s unmeasured (the JIT,
 * and the everyday questions' first pass through the model).
 */
public final class WebTurnLoad {

    /** What 12348 hears every day, as citizens type it; the page's suggested questions among them. */
    static final List<String> EVERYDAY = List.of(
            "老板拖欠工资怎么办",
            "离婚孩子归谁",
            "被公司辞退有补偿吗",
            "公司不给签劳动合同怎么办",
            "试用期被辞退合法吗",
            "加班费怎么算",
            "工伤怎么认定",
            "交通事故对方全责不赔钱怎么办",
            "借钱不还怎么起诉",
            "欠条怎么写才有效",
            "房东不退押金怎么办",
            "离婚财产怎么分",
            "父母去世房子怎么继承",
            "没有遗嘱遗产怎么分",
            "怎么申请法律援助",
            "法律援助要钱吗",
            "邻居装修噪音太大怎么办",
            "物业费不交会怎样",
            "孩子在学校受伤谁负责",
            "医疗事故怎么鉴定",
            "网上被人骂了可以起诉吗",
            "收到法院传票怎么办",
            "判决了对方不执行怎么办",
            "酒驾会被拘留吗",
            "被人打了轻伤怎么处理",
            "取保候审需要什么条件",
            "子女不赡养老人怎么办",
            "买到假货怎么赔偿",
            "网购退货商家不同意怎么办",
            "农村宅基地能继承吗",
            "房子被征收补偿标准是什么",
            "个人信息被泄露怎么办",
            "保险公司拒赔怎么办",
            "起诉要交多少诉讼费",
            "诉讼时效是多久",
            "劳动仲裁怎么申请");

    private static final Pattern CITIZEN_ID = Pattern.compile("\"citizenId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebTurnLoad(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        WebTurnLoad load = new WebTurnLoad(base);
        System.out.printf(Locale.ROOT, "load run: %s, %d threads, %d rounds of %d s per load%n", base, threads, rounds, seconds);

        AtomicLong cycle = new AtomicLong();
        AtomicLong distinct = new AtomicLong();
        AtomicLong told = new AtomicLong();
        List<Load> loads = List.of(
                new Load("static page (GET /)", worker -> load.staticPage()),
                new Load("web turn, " + EVERYDAY.size() + " everyday questions in a cycle",
                        worker -> load.turns(() -> EVERYDAY.get((int) (cycle.getAndIncrement() % EVERYDAY.size())))),
                new Load("web turn, every question distinct", worker -> load.turns(() -> distinctQuestion(distinct.getAndIncrement()))),
                new Load("web turn, a long story then the question, distinct", worker -> load.turns(() -> longQuestion(told.getAndIncrement()))));
        for (Load each : loads) {
            load.run(each, threads, 5, false);
        }
        for (int round = 1; round <= rounds; round++) {
            for (Load each : loads) {
                load.run(each, threads, seconds, true);
            }
            System.out.printf(Locale.ROOT, "  after round %d: %s%n", round, String.join(", ",
                    loads.stream().map(l -> String.format(Locale.ROOT, "%.1f/s", l.perSecond())).toList()));
        }

        Load page = loads.get(0);
        System.out.printf(Locale.ROOT, "%-55s %9.1f requests/s%n", page.name, page.perSecond());
        for (Load turn : loads.subList(1, loads.size())) {
            System.out.printf(Locale.ROOT, "%-55s %9.1f requests/s  ratio %.3f of the static page  (%d errors)%n",
                    turn.name, turn.perSecond(), turn.perSecond() / page.perSecond(), turn.errors.get());
        }
    }

    /**
     * The n-th of questions that never repeat: an everyday question with the citizen's own
     * circumstances before it, as citizens write them (amounts, months, places differ).
     */
    static String distinctQuestion(long n) {
        String question = EVERYDAY.get((int) (n % EVERYDAY.size()));
        long round = n / EVERYDAY.size();
        return "我在" + (round % 13 + 1) + "号厂干了" + (round % 37 + 2) + "个月，情况是这样，编号" + round + "：" + question;
    }

    /**
     * The n-th of long messages that never repeat, nor do their clauses: a story of a hundred characters, some of its
     * clauses saying now (今天, 现在, 还在), then an everyday question. A message of 40 characters or more that reads as a
     * question has the clauses of its present read again for buried danger (up to 16 more model calls), so this load
     * prices that reading; the clause numbers keep each clause from being a classification already kept.
     */
    static String longQuestion(long n) {
        String question = EVERYDAY.get((int) (n % EVERYDAY.size()));
        long round = n / EVERYDAY.size();
        // n, not the round, in the clauses that say now: the 36 messages of a round would otherwise share those clauses
        return "你好，我想咨询一下，我在" + (round % 13 + 1) + "号厂干了" + (round % 37 + 2) + "个月，一直住在厂里宿舍，今天又去找了第"
                + n + "车间的负责人，他说要等上面批，现在我们" + n + "个老乡还在宿舍里商量，第" + n
                + "回了都没有结果，大家心里都很着急，所以想问一下：" + question;
    }

    /** One worker's loop body: one request, true when it was answered 200. */
    @FunctionalInterface
    interface Request {
        boolean send() throws IOException, InterruptedException;
    }

    private Request staticPage() {
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/")).GET().build();
        return () -> http.send(get, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }

    private Request turns(java.util.function.Supplier<String> questions) {
        return new Request() {
            private String citizenId;
            private String token;
            private int sent;

            @Override
            public boolean send() throws IOException, InterruptedException {
                // a new citizen every 20 turns: the conversation's state stays ordinary (no long chains of misses)
                if (token == null || sent++ % 20 == 0) {
                    HttpResponse<String> opened = http.send(HttpRequest.newBuilder(base.resolve("/api/web/session"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    citizenId = field(CITIZEN_ID, opened.body());
                    token = field(TOKEN, opened.body());
                }
                // the questions hold no quote, backslash or control character: nothing to escape
                String body = "{\"citizenId\":\"" + citizenId + "\",\"text\":\"" + questions.get() + "\"}";
                HttpResponse<String> answered = http.send(HttpRequest.newBuilder(base.resolve("/api/web/messages"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                return answered.statusCode() == 200 && answered.body().contains("\"kind\"");
            }
        };
    }

    private static String field(Pattern pattern, String json) throws IOException {
        Matcher found = pattern.matcher(json);
        if (!found.find()) {
            throw new IOException("No session in the answer to POST /api/web/session");
        }
        return found.group(1);
    }

    /** Runs the load with this many threads for this long; counts what was answered if measured. */
    private void run(Load load, int threads, int seconds, boolean measured) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Request request = load.requests.apply(t);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    boolean ok;
                    try {
                        ok = request.send();
                    } catch (IOException e) {
                        ok = false;
                    }
                    if (measured && System.nanoTime() < end) {
                        (ok ? load.answered : load.errors).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        if (measured) {
            load.nanos.addAndGet(Duration.ofSeconds(seconds).toNanos());
        }
    }

    /** One kind of request, and what it got through over all measured rounds. */
    private static final class Load {
        final String name;
        final IntFunction<Request> requests;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong nanos = new AtomicLong();

        Load(String name, IntFunction<Request> requests) {
            this.name = name;
            this.requests = requests;
        }

        double perSecond() {
            return nanos.get() == 0 ? 0 : answered.get() / (nanos.get() / 1e9);
        }
    }
}
