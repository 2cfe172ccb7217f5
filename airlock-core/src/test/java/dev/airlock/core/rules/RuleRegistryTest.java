package dev.airlock.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.operation.Operation;
import dev.airlock.core.rule.Category;
import dev.airlock.core.rule.Rule;
import dev.airlock.core.rule.RuleInfo;
import dev.airlock.core.rule.RuleMeta;
import dev.airlock.core.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every registered rule is well formed, documented, tested, and listed in sorted order. */
class RuleRegistryTest {
  private static final Path DOCS = Path.of("../docs/rules");

  @Test
  void idsAreUniqueAndSorted() {
    List<String> ids = Rules.all().stream().map(r -> r.meta().id()).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void classNamesFollowTheIds() {
    for (Rules.Registered r : Rules.all()) {
      StringBuilder expected = new StringBuilder();
      for (String part : r.meta().id().split("-")) {
        expected.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
      assertThat(r.rule().getClass().getSimpleName()).isEqualTo(expected.toString());
    }
  }

  @Test
  void everyRuleHasADocPageAndATestClass() {
    for (Rules.Registered r : Rules.all()) {
      String id = r.meta().id();
      assertThat(DOCS.resolve(id + ".md")).as("doc page for " + id).exists();
      String testClass = r.rule().getClass().getName() + "Test";
      assertThat(exists(testClass)).as("test class " + testClass).isTrue();
    }
  }

  @Test
  void everyDocPageBelongsToARule() throws Exception {
    try (var pages = Files.list(DOCS)) {
      pages
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
          .forEach(n -> assertThat(Rules.byId(n.replace(".md", ""))).as(n).isPresent());
    }
  }

  @Test
  void malformedMetadataFailsWhenTheRuleLoads() {
    assertThatThrownBy(() -> RuleMeta.of(BadId.class)).hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> RuleMeta.of(NoAnnotation.class)).hasMessageContaining("no @RuleInfo");
  }

  @RuleInfo(
      id = "Bad_Id",
      severity = Severity.LOW,
      category = Category.DATA_LOSS,
      summary = "x",
      why = "x.",
      saferWay = "x.")
  static final class BadId implements Rule {
    @Override
    public Optional<String> check(Operation operation) {
      return Optional.empty();
    }
  }

  static final class NoAnnotation implements Rule {
    @Override
    public Optional<String> check(Operation operation) {
      return Optional.empty();
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
