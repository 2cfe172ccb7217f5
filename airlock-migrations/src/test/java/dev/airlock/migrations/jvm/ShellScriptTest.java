package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.SchemaWipe;
import org.junit.jupiter.api.Test;

class ShellScriptTest {
  private static Parsed sh(String text) {
    return Jvm.build("scripts/reset-db.sh", text);
  }

  @Test
  void flywayCleanWithOptionsAndTheCommandAsWritten() {
    Parsed p =
        sh(
            """
            #!/usr/bin/env bash
            set -euo pipefail
            flyway -url="$DB_URL" -user=app \\
              -password="$DB_PASSWORD" clean
            flyway -url="$DB_URL" migrate
            """);
    assertThat(Jvm.ops(p)).containsExactly(new SchemaWipe("flyway -url=\"$DB_URL\" -user=app \\\n  -password=\"$DB_PASSWORD\" clean"), new Benign("flyway migrate"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.span().startLine()).isEqualTo(3);
    assertThat(o.span().endLine()).isEqualTo(4);
    assertThat(o.generatedSql().orElseThrow()).startsWith("-- flyway clean: DROP every table");
  }

  @Test
  void mavenGradleAndLiquibaseForms() {
    Parsed p =
        sh(
            """
            ./mvnw -B -Dflyway.url=$URL flyway:clean flyway:migrate
            mvn org.flywaydb:flyway-maven-plugin:10.10.0:clean
            ./gradlew :app:flywayClean :app:flywayMigrate --info
            gradle dropAll
            liquibase --changelog-file=db/changelog.xml drop-all
            liquibase dropAll
            ./gradlew build -x flywayClean
            mvn liquibase:update
            """);
    assertThat(Jvm.flagged(p)).hasSize(6).allMatch(o -> o instanceof SchemaWipe);
    assertThat(p.occurrences().get(4).generatedSql().orElseThrow()).startsWith("-- liquibase drop-all");
    // -x flywayClean excludes the task: nothing runs it
    assertThat(Jvm.ops(p)).hasSize(7);
    assertThat(Jvm.ops(p).get(6)).isEqualTo(new Benign("liquibase:update"));
  }

  @Test
  void commentsEchoesQuotedWordsAndHeredocsDoNotCount() {
    Parsed p =
        sh(
            """
            # flyway clean   <- never run this in prod
            echo "run flyway clean to reset"
            echo flyway clean
            printf '%s\\n' mvn flyway:clean
            git commit -m "flyway clean"
            grep -r "flywayClean" build.gradle
            cat <<EOF
            flyway clean
            ./gradlew flywayClean
            EOF
            flyway info   # not clean
            """);
    assertThat(Jvm.flagged(p)).isEmpty();
    assertThat(Jvm.ops(p)).containsExactly(new Benign("flyway info"));
  }

  @Test
  void wrappersSubshellsAndShellsRunningStrings() {
    Parsed p =
        sh(
            """
            if [ "$RESET" = yes ]; then sudo -u deploy env FLYWAY_URL=$URL flyway clean; fi
            result=$(flyway clean 2>&1)
            bash -c "liquibase drop-all"
            docker run --rm -v "$PWD/sql:/flyway/sql" flyway/flyway:10 -url=$URL clean
            docker compose run --rm flyway clean
            ssh db1 'flyway clean'
            bash <<'SQL'
            flyway clean
            SQL
            """);
    assertThat(Jvm.flagged(p)).hasSize(7).allMatch(o -> o instanceof SchemaWipe);
  }

  @Test
  void settingsOnTheCommandLine() {
    Parsed p =
        sh(
            """
            java -jar app.jar --spring.jpa.hibernate.ddl-auto=create
            SPRING_JPA_HIBERNATE_DDL_AUTO=update java -jar app.jar
            export SPRING_FLYWAY_CLEAN_DISABLED=false
            """);
    assertThat(Jvm.flagged(p))
        .containsExactly(
            new SchemaWipe("--spring.jpa.hibernate.ddl-auto=create"),
            new dev.airlock.core.operation.AutoDdl("SPRING_JPA_HIBERNATE_DDL_AUTO=update"),
            new SchemaWipe("flyway clean enabled: SPRING_FLYWAY_CLEAN_DISABLED=false"));
  }

  @Test
  void makefileRecipesOnly() {
    Parsed p =
        Jvm.build(
            "Makefile",
            """
            FLYWAY = docker run --rm flyway/flyway
            # flyway clean is dangerous
            .PHONY: reset-db migrate
            flyway-clean-docs:
            \t@echo "flyway clean drops everything"
            reset-db:
            \t$(FLYWAY) -url=$(URL) clean
            \t-$(MVN) flyway:clean
            migrate:
            \t$(FLYWAY) -url=$(URL) \\
            \t  migrate
            """);
    assertThat(Jvm.ops(p)).containsExactly(new SchemaWipe("$(FLYWAY) -url=$(URL) clean"), new SchemaWipe("$(MVN) flyway:clean"), new Benign("flyway migrate"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(7);
    assertThat(p.occurrences().get(0).span().startColumn()).isEqualTo(2);
  }

  @Test
  void allowCommentDirectlyAboveSuppresses() {
    String text =
        """
        # airlock:allow schema-wipe only ever points at the throw-away CI database
        flyway clean
        """;
    assertThat(Jvm.ruleIds(new BuildScriptsFormat(), "ci/reset.sh", text)).isEmpty();
    assertThat(Jvm.suppressed(new BuildScriptsFormat(), "ci/reset.sh", text)).containsExactly("schema-wipe");
    assertThat(Jvm.ruleIds(new BuildScriptsFormat(), "ci/reset.sh", "flyway clean\n")).containsExactly("schema-wipe");
  }

  @Test
  void crlfScripts() {
    Parsed p = sh("echo start\r\nflyway clean\r\nflyway migrate\r\n");
    assertThat(Jvm.ops(p)).containsExactly(new SchemaWipe("flyway clean"), new Benign("flyway migrate"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(2);
  }
}
