package org.lawline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lawline.conversation.ConversationEvent;
import org.springframework.context.event.EventListener;

/**
 * The module diagram in {@code docs/modules.md} is written from the compiled code, so it cannot
 * drift: this test derives which module depends on which and which events each module listens
 * to, and when the page says otherwise it rewrites the page and fails, so the change is seen and
 * committed.
 */
class ModuleDiagramTest {

    private static final Path PAGE = Path.of("..", "docs", "modules.md");

    /** Maven module → its top-level package; everything else under org.lawline is the application's (config). */
    private static final Map<String, String> MODULES = Map.of(
            "org.lawline.knowledge", "knowledge-base",
            "org.lawline.conversation", "bot-core",
            "org.lawline.channels", "channels",
            "org.lawline.handoff", "handoff");

    private static final JavaClasses LAWLINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lawline");

    @Test
    void theModuleDiagramInTheDocsIsTheCodes() throws IOException {
        String written = page();
        String shown = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

        if (!shown.equals(written)) {
            Files.writeString(PAGE, written, StandardCharsets.UTF_8);
        }
        assertThat(shown).as("docs/modules.md was out of date and has been rewritten: commit it").isEqualTo(written);
    }

    private static String page() {
        SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
        SortedMap<String, SortedSet<String>> listensTo = new TreeMap<>();
        for (JavaClass javaClass : LAWLINE) {
            Optional<String> from = moduleOf(javaClass);
            if (from.isEmpty()) {
                continue;
            }
            uses.computeIfAbsent(from.get(), m -> new TreeSet<>());
            listensTo.computeIfAbsent(from.get(), m -> new TreeSet<>());
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                moduleOf(dependency.getTargetClass()).filter(to -> !to.equals(from.get()))
                        .ifPresent(to -> uses.get(from.get()).add(to));
            }
            for (JavaMethod method : javaClass.getMethods()) {
                if (method.isAnnotatedWith(EventListener.class) && method.getRawParameterTypes().size() == 1
                        && method.getRawParameterTypes().get(0).isAssignableTo(ConversationEvent.class)) {
                    listensTo.get(from.get()).add(method.getRawParameterTypes().get(0).getSimpleName());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Modules\n\n");
        out.append("Written by `ModuleDiagramTest` (config) from the compiled code: which module depends on which,\n");
        out.append("and which of bot-core's events each module listens to. Don't edit it by hand; the test rewrites\n");
        out.append("it when the code changes. The rules these dependencies keep are `ArchitectureTest`'s.\n\n");
        out.append("```mermaid\nflowchart RL\n");
        uses.forEach((from, targets) -> targets.forEach(to -> out.append("    ").append(node(from)).append(" --> ").append(node(to)).append('\n')));
        out.append("```\n\n");
        out.append("| module | depends on | listens to |\n| --- | --- | --- |\n");
        for (String module : List.of("knowledge-base", "bot-core", "channels", "handoff", "config")) {
            out.append("| `").append(module).append("` | ")
                    .append(list(uses.getOrDefault(module, new TreeSet<>()))).append(" | ")
                    .append(list(listensTo.getOrDefault(module, new TreeSet<>()))).append(" |\n");
        }
        return out.toString();
    }

    private static Optional<String> moduleOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!(pkg.equals("org.lawline") || pkg.startsWith("org.lawline."))) {
            return Optional.empty();
        }
        return Optional.of(MODULES.entrySet().stream()
                .filter(module -> pkg.equals(module.getKey()) || pkg.startsWith(module.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("config"));
    }

    private static String node(String module) {
        return module.replace("-", "_") + "[" + module + "]";
    }

    private static String list(SortedSet<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names.stream().map(name -> "`" + name + "`").toList());
    }
}
