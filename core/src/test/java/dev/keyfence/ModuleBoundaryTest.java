package dev.keyfence;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API boundary of the core jar: its module descriptor exports every package that is not
 * {@code internal} and nothing else, no cycle of classes runs from the API into {@code internal}
 * and back (internal code uses API value types; API facades use internal code; never a class on
 * both sides of one cycle), and the internal packages depend on each other without a cycle.
 */
class ModuleBoundaryTest {
    private static final URL CORE =
            TokenValidator.class.getProtectionDomain().getCodeSource().getLocation();
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrl(CORE);

    @Test
    void moduleExportsExactlyTheNonInternalPackages() throws IOException, URISyntaxException {
        ModuleDescriptor module;
        Path location = Path.of(CORE.toURI());
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                module = ModuleDescriptor.read(in);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile());
                    InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
                module = ModuleDescriptor.read(in);
            }
        }
        Set<String> api = CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> !p.equals("dev.keyfence.internal") && !p.startsWith("dev.keyfence.internal."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(module.name()).isEqualTo("dev.keyfence");
        assertThat(module.exports())
                .allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
        Set<String> exported = new TreeSet<>();
        module.exports().forEach(e -> exported.add(e.source()));
        assertThat(exported).containsExactlyElementsOf(api);
        assertThat(module.opens()).isEmpty();
        assertThat(module.isOpen()).isFalse();
    }

    @Test
    void internalPackagesFormNoCycle() {
        Map<String, Set<String>> graph = new HashMap<>();
        for (JavaClass c : CLASSES) {
            String from = c.getPackageName();
            if (!internal(from + ".")) {
                continue;
            }
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getBaseComponentType().getPackageName();
                if (internal(target + ".") && !target.equals(from)) {
                    to.add(target);
                }
            }
        }
        assertThat(graph).as("the internal packages were read").containsKeys("dev.keyfence.internal.keys");
        assertThat(StronglyConnected.components(graph))
                .as("cycles of internal packages")
                .isEmpty();
    }

    @Test
    void noClassCycleCrossesTheApiBoundary() {
        Map<String, Set<String>> graph = new HashMap<>();
        for (JavaClass c : CLASSES) {
            String from = topLevel(c);
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (target.getPackageName().startsWith("dev.keyfence")
                        && !topLevel(target).equals(from)) {
                    to.add(topLevel(target));
                }
            }
        }
        List<Set<String>> crossing = StronglyConnected.components(graph).stream()
                .filter(component -> component.stream().anyMatch(ModuleBoundaryTest::internal)
                        && component.stream().anyMatch(name -> !internal(name)))
                .toList();
        assertThat(crossing).as("class cycles through API and internal classes").isEmpty();
    }

    private static boolean internal(String className) {
        return className.startsWith("dev.keyfence.internal.");
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** Tarjan's strongly connected components, iterative: components of more than one class. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final List<Set<String>> result = new java.util.ArrayList<>();
        private int next;

        private StronglyConnected(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        static List<Set<String>> components(Map<String, Set<String>> graph) {
            StronglyConnected s = new StronglyConnected(graph);
            for (String node : new TreeSet<>(graph.keySet())) {
                if (!s.index.containsKey(node)) {
                    s.visit(node);
                }
            }
            return s.result;
        }

        private void visit(String root) {
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            enter(root, work);
            while (!work.isEmpty()) {
                Map.Entry<String, java.util.Iterator<String>> top = work.peek();
                String node = top.getKey();
                if (top.getValue().hasNext()) {
                    String next = top.getValue().next();
                    if (!index.containsKey(next)) {
                        enter(next, work);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        result.add(component);
                    }
                }
            }
        }

        private void enter(String node, Deque<Map.Entry<String, java.util.Iterator<String>>> work) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.push(node);
            onStack.add(node);
            work.push(Map.entry(node, graph.getOrDefault(node, Set.of()).iterator()));
        }
    }
}
