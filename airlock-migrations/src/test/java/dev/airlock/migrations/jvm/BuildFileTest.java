package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.SchemaWipe;
import org.junit.jupiter.api.Test;

class BuildFileTest {
  @Test
  void pomFlywayCleanExecutionAndConfiguration() {
    Parsed p =
        Jvm.build(
            "pom.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <properties>
                <flyway.cleanDisabled>false</flyway.cleanDisabled>
              </properties>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.flywaydb</groupId>
                    <artifactId>flyway-maven-plugin</artifactId>
                    <version>10.10.0</version>
                    <configuration>
                      <cleanDisabled>false</cleanDisabled>
                    </configuration>
                    <executions>
                      <execution>
                        <id>reset-db</id>
                        <phase>pre-integration-test</phase>
                        <goals>
                          <!-- <goal>info</goal> -->
                          <goal>clean</goal>
                          <goal>migrate</goal>
                        </goals>
                      </execution>
                    </executions>
                  </plugin>
                </plugins>
              </build>
            </project>
            """);
    assertThat(Jvm.ops(p)).hasSize(4);
    assertThat(Jvm.ops(p).get(0)).isEqualTo(new SchemaWipe("flyway clean enabled: flyway.cleanDisabled=false"));
    assertThat(Jvm.ops(p).get(1)).isEqualTo(new SchemaWipe("flyway clean enabled: <cleanDisabled>false</cleanDisabled> of flyway-maven-plugin"));
    Occurrence goal = p.occurrences().get(2);
    assertThat(goal.operation()).isEqualTo(new SchemaWipe("<goal>clean</goal> of flyway-maven-plugin execution `reset-db` in phase pre-integration-test"));
    assertThat(goal.span().startLine()).isEqualTo(21);
    assertThat(goal.statement()).isEqualTo("<goal>clean</goal>");
    assertThat(goal.generatedSql().orElseThrow()).startsWith("-- flyway clean");
    assertThat(Jvm.ops(p).get(3)).isEqualTo(new Benign("flyway-maven-plugin goal migrate"));
  }

  @Test
  void pomLiquibaseDropAllAndDropFirstWhateverTheOrder() {
    Parsed p =
        Jvm.build(
            "pom.xml",
            """
            <project>
              <build><plugins>
                <plugin>
                  <executions>
                    <execution><goals><goal>dropAll</goal><goal>update</goal></goals></execution>
                  </executions>
                  <configuration><dropFirst>true</dropFirst></configuration>
                  <groupId>org.liquibase</groupId>
                  <artifactId>liquibase-maven-plugin</artifactId>
                </plugin>
                <plugin>
                  <artifactId>maven-clean-plugin</artifactId>
                  <executions><execution><goals><goal>clean</goal></goals></execution></executions>
                </plugin>
              </plugins></build>
            </project>
            """);
    assertThat(Jvm.flagged(p)).hasSize(2).allMatch(o -> o instanceof SchemaWipe);
    assertThat(Jvm.ops(p)).contains(new Benign("liquibase-maven-plugin goal update"));
  }

  @Test
  void gradleTaskDependenciesInGroovy() {
    Parsed p =
        Jvm.build(
            "build.gradle",
            """
            plugins { id 'org.flywaydb.flyway' version '10.10.0' }
            flyway {
                url = 'jdbc:postgresql://localhost/app'
                cleanDisabled = false
            }
            // flywayMigrate.dependsOn flywayClean   -- we stopped doing this
            flywayMigrate.dependsOn flywayClean
            task resetDb(dependsOn: ['flywayClean', 'flywayMigrate'])
            tasks.named('flywayClean') { enabled = false }
            flywayClean { description = "drops everything, never run on prod" }
            println "flywayClean is disabled"
            """);
    assertThat(Jvm.ops(p)).hasSize(3).allMatch(o -> o instanceof SchemaWipe);
    assertThat(p.occurrences().get(0).operation()).isEqualTo(new SchemaWipe("flyway clean enabled: cleanDisabled = false"));
    assertThat(p.occurrences().get(1).statement()).isEqualTo("flywayMigrate.dependsOn flywayClean");
    assertThat(p.occurrences().get(1).span().startLine()).isEqualTo(7);
    assertThat(p.occurrences().get(2).span().startLine()).isEqualTo(8);
  }

  @Test
  void gradleKotlinDslAndExec() {
    Parsed p =
        Jvm.build(
            "build.gradle.kts",
            """
            tasks.named("flywayMigrate") {
                dependsOn(
                    tasks.named("flywayClean")
                )
            }
            tasks.register<Exec>("wipeLiquibase") {
                commandLine("liquibase", "--url=jdbc:postgresql://db/app", "drop-all")
            }
            tasks.register<Exec>("wipeFlyway") {
                executable = "flyway"
                args("clean")
            }
            tasks.register("reset") { finalizedBy("dropAll") }
            tasks.bootRun { args("--spring.jpa.hibernate.ddl-auto=update") }
            tasks.test { systemProperty("spring.jpa.hibernate.ddl-auto", "create-drop") }
            """);
    assertThat(Jvm.ops(p)).hasSize(5);
    assertThat(Jvm.ops(p).subList(0, 4)).allMatch(o -> o instanceof SchemaWipe);
    assertThat(Jvm.ops(p).get(4)).isEqualTo(new dev.airlock.core.operation.AutoDdl("--spring.jpa.hibernate.ddl-auto=update"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(2);
    assertThat(p.occurrences().get(0).span().endLine()).isEqualTo(4);
  }

  @Test
  void endToEndRuleIds() {
    assertThat(Jvm.ruleIds(new BuildScriptsFormat(), "build.gradle", "flywayMigrate.dependsOn flywayClean\n")).containsExactly("schema-wipe");
    assertThat(Jvm.ruleIds(new BuildScriptsFormat(), "build.gradle", "flywayMigrate.dependsOn flywayInfo\n")).isEmpty();
  }
}
