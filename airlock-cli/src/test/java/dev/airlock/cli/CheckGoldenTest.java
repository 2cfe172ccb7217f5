package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every report format of `airlock check`, byte for byte, on the same input. */
class CheckGoldenTest {
  private static final String INPUT = "src/test/resources/golden/input";

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github"})
  void formatMatchesGoldenFile(String format) throws Exception {
    Cli cli = Cli.run("check", "--format", format, "--color", "never", INPUT);
    assertThat(cli.err()).isEmpty();
    assertThat(cli.exitCode()).isEqualTo(Main.FINDINGS);
    Golden.assertMatches("check." + format + (format.equals("text") ? ".txt" : format.equals("github") ? ".log" : ".json"), cli.out());
  }

  @Test
  void textReportPutsTheBuriedDropInTheSummaryBlock() {
    String out = Cli.run("check", "--color", "never", INPUT).out();
    String summary = out.substring(0, out.indexOf("\n\n"));
    assertThat(summary)
        .startsWith("8 irreversible operations in 2 files")
        .contains("001_cleanup.sql:4:1")
        .contains("drop-table: drops table `user_sessions`");
    assertThat(summary.lines().skip(1).findFirst().orElseThrow()).contains("CRITICAL");
  }

  @Test
  void sarifIsValidAgainstTheOfficialSchema() throws Exception {
    String sarif = Cli.run("check", "--format", "sarif", INPUT).out();
    ObjectMapper mapper = new ObjectMapper();
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif-schema-2.1.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode report = mapper.readTree(sarif);
    Set<ValidationMessage> errors = schema.validate(report);
    assertThat(errors).isEmpty();
    JsonNode results = report.at("/runs/0/results");
    assertThat(results.size()).isGreaterThan(0);
    boolean suppressed = false;
    for (JsonNode r : results) {
      assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
      suppressed |= r.has("suppressions");
    }
    assertThat(suppressed).as("an acknowledged finding carries a suppression").isTrue();
  }

  @Test
  void githubAnnotationsHaveTheDocumentedShape() {
    String out = Cli.run("check", "--format", "github", INPUT).out();
    assertThat(out.lines())
        .allMatch(l -> l.matches("::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=[a-z-]+::.+"));
    assertThat(out).contains("::error file=src/test/resources/golden/input/001_cleanup.sql,line=4,col=1,endLine=4,endColumn=36,title=drop-table::");
  }
}
