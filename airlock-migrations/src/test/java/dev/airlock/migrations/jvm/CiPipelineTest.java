package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.SchemaWipe;
import dev.airlock.core.operation.UnparsedMigration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CiPipelineTest {
  @Test
  void githubActionsRunBlocks() {
    Parsed p =
        Jvm.build(
            ".github/workflows/ci.yml",
            """
            name: ci
            on: [push]
            jobs:
              test:
                runs-on: ubuntu-latest
                env:
                  SPRING_JPA_HIBERNATE_DDL_AUTO: create-drop
                steps:
                  - uses: actions/checkout@v4
                  - name: Reset database
                    run: |
                      echo "resetting (flyway clean)"
                      ./mvnw -B flyway:clean flyway:migrate
                  - run: ./gradlew flywayMigrate
                  - run: 'liquibase drop-all'
                  - name: docs
                    run: echo "never run flyway clean on prod"
            """);
    assertThat(Jvm.ops(p))
        .containsExactly(
            new SchemaWipe("SPRING_JPA_HIBERNATE_DDL_AUTO=create-drop"),
            new SchemaWipe("./mvnw -B flyway:clean flyway:migrate"),
            new Benign("gradle flywayMigrate"),
            new SchemaWipe("liquibase drop-all"));
    Occurrence clean = p.occurrences().get(1);
    assertThat(clean.span().startLine()).isEqualTo(13);
    assertThat(clean.span().startColumn()).isEqualTo(11);
    assertThat(clean.statement()).isEqualTo("./mvnw -B flyway:clean flyway:migrate");
    assertThat(p.occurrences().get(3).span().startColumn()).isEqualTo(15);
  }

  @Test
  void gitlabScriptsAndAnchors() {
    Parsed p =
        Jvm.build(
            ".gitlab-ci.yml",
            """
            .reset: &reset
              - flyway -url=$DB_URL clean
            integration:
              image: maven:3.9
              before_script: *reset
              script:
                - mvn -B verify
                - >
                  liquibase --url=$DB_URL
                  dropAll
            """);
    assertThat(Jvm.flagged(p)).hasSize(2).allMatch(o -> o instanceof SchemaWipe);
    assertThat(Jvm.flaggedOccurrences(p).get(0).span().startLine()).isEqualTo(2);
    assertThat(Jvm.flaggedOccurrences(p).get(1).span().startLine()).isEqualTo(8);
  }

  @Test
  void dockerComposeFlywayServiceCommand() {
    Parsed p =
        Jvm.build(
            "docker-compose.yml",
            """
            services:
              db:
                image: postgres:16
              flyway:
                image: flyway/flyway:10
                command: -url=jdbc:postgresql://db/app -user=app -connectRetries=60 clean migrate
                depends_on: [db]
              liquibase:
                image: liquibase/liquibase
                command: ["--url=jdbc:postgresql://db/app", "update"]
            """);
    assertThat(Jvm.ops(p)).hasSize(2);
    assertThat(Jvm.ops(p).get(0)).isInstanceOf(SchemaWipe.class);
    assertThat(Jvm.ops(p).get(1)).isEqualTo(new Benign("liquibase update"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(6);
  }

  @Test
  void jenkinsfileShSteps() {
    Parsed p =
        Jvm.build(
            "Jenkinsfile",
            """
            pipeline {
              agent any
              stages {
                stage('Reset') {
                  steps {
                    // sh 'flyway clean'   (disabled)
                    sh 'flyway -url=$DB_URL clean'
                    sh script: "./gradlew flywayClean", label: 'wipe'
                    sh '''
                      ./mvnw flyway:migrate
                      echo "done, flyway clean was run"
                    '''
                    echo 'flyway clean'
                  }
                }
              }
            }
            """);
    assertThat(Jvm.ops(p)).hasSize(3);
    assertThat(Jvm.ops(p).subList(0, 2)).allMatch(o -> o instanceof SchemaWipe);
    assertThat(Jvm.ops(p).get(2)).isEqualTo(new Benign("flyway:migrate"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(7);
    assertThat(p.occurrences().get(0).statement()).isEqualTo("flyway -url=$DB_URL clean");
  }

  @Test
  void yamlAllowCommentAboveTheRunKey() {
    String text =
        """
        jobs:
          it:
            steps:
              # airlock:allow schema-wipe the service container is created for this job only
              - run: |
                  flyway clean
        """;
    assertThat(Jvm.ruleIds(new BuildScriptsFormat(), ".github/workflows/it.yml", text)).isEmpty();
    assertThat(Jvm.suppressed(new BuildScriptsFormat(), ".github/workflows/it.yml", text)).containsExactly("schema-wipe");
  }

  @Test
  void brokenYamlIsReported() {
    Parsed p = Jvm.build(".github/workflows/ci.yml", "jobs:\n  x: [flyway clean\n");
    assertThat(Jvm.ops(p)).hasSize(1).first().isInstanceOf(UnparsedMigration.class);
  }

  @Test
  void formatRecognition() {
    BuildScriptsFormat f = new BuildScriptsFormat();
    assertThat(f.candidate(Path.of(".github/workflows/ci.yml"))).isTrue();
    assertThat(f.candidate(Path.of(".gitlab-ci.yml"))).isTrue();
    assertThat(f.candidate(Path.of("Jenkinsfile"))).isTrue();
    assertThat(f.candidate(Path.of("pom.xml"))).isTrue();
    assertThat(f.candidate(Path.of("app/build.gradle.kts"))).isTrue();
    assertThat(f.candidate(Path.of("scripts/reset-db.sh"))).isTrue();
    assertThat(f.candidate(Path.of("Makefile"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/resources/application.yml"))).isFalse();
    assertThat(f.accepts(Path.of("scripts/deploy.sh"), "kubectl apply -f k8s/\n")).isFalse();
  }
}
