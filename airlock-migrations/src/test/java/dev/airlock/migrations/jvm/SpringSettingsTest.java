package dev.airlock.migrations.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.operation.AutoDdl;
import dev.airlock.core.operation.Benign;
import dev.airlock.core.operation.Occurrence;
import dev.airlock.core.operation.SchemaWipe;
import dev.airlock.core.operation.UnparsedMigration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpringSettingsTest {
  @Test
  void propertiesDdlAutoValues() {
    Parsed p =
        Jvm.settings(
            "src/main/resources/application.properties",
            """
            # main settings
            spring.datasource.url=jdbc:postgresql://db:5432/shop
            spring.jpa.hibernate.ddl-auto=create-drop
            spring.jpa.open-in-view=false
            """);
    assertThat(Jvm.ops(p)).containsExactly(new SchemaWipe("spring.jpa.hibernate.ddl-auto=create-drop"));
    Occurrence o = p.occurrences().get(0);
    assertThat(o.span().startLine()).isEqualTo(3);
    assertThat(o.statement()).isEqualTo("spring.jpa.hibernate.ddl-auto=create-drop");
    assertThat(o.generatedSql().orElseThrow()).contains("DROP TABLE").contains("shutdown");
  }

  @Test
  void relaxedBindingAndSeparators() {
    Parsed p =
        Jvm.settings(
            "application.properties",
            """
            spring.jpa.hibernate.ddl_auto = update
            spring.jpa.hibernate.ddlAuto: create
            SPRING.JPA.HIBERNATE.DDL-AUTO   validate
            spring.jpa.properties.hibernate.hbm2ddl.auto=drop
            spring.jpa.properties.jakarta.persistence.schema-generation.database.action=drop-and-create
            spring.jpa.generate-ddl=true
            spring.flyway.clean-disabled=false
            spring.flyway.clean-on-validation-error=true
            spring.liquibase.drop-first=true
            """);
    assertThat(Jvm.ops(p))
        .containsExactly(
            new AutoDdl("spring.jpa.hibernate.ddl_auto=update"),
            new SchemaWipe("spring.jpa.hibernate.ddlAuto=create"),
            new Benign("SPRING.JPA.HIBERNATE.DDL-AUTO=validate"),
            new SchemaWipe("spring.jpa.properties.hibernate.hbm2ddl.auto=drop"),
            new SchemaWipe("spring.jpa.properties.jakarta.persistence.schema-generation.database.action=drop-and-create"),
            new AutoDdl("spring.jpa.generate-ddl=true"),
            new SchemaWipe("flyway clean enabled: spring.flyway.clean-disabled=false"),
            new SchemaWipe("flyway clean on validation error: spring.flyway.clean-on-validation-error=true"),
            new SchemaWipe("spring.liquibase.drop-first=true"));
  }

  @Test
  void propertiesContinuationLinesAndMultiDocumentProfiles() {
    Parsed p =
        Jvm.settings(
            "application.properties",
            """
            spring.jpa.hibernate.ddl-auto=\\
                update
            #---
            spring.config.activate.on-profile=test
            spring.jpa.hibernate.ddl-auto=create-drop
            #---
            spring.config.activate.on-profile=prod
            spring.flyway.clean-disabled=false
            """);
    assertThat(Jvm.flagged(p)).containsExactly(new AutoDdl("spring.jpa.hibernate.ddl-auto=update"), new SchemaWipe("flyway clean enabled: spring.flyway.clean-disabled=false"));
    assertThat(Jvm.ops(p)).contains(new Benign("spring.jpa.hibernate.ddl-auto=create-drop (test only)"));
    assertThat(p.occurrences().get(0).span().startLine()).isEqualTo(1);
    assertThat(p.occurrences().get(0).span().endLine()).isEqualTo(2);
    assertThat(p.occurrences().get(2).span().startLine()).isEqualTo(8);
  }

  @Test
  void yamlNestingAndProfileDocuments() {
    Parsed p =
        Jvm.settings(
            "src/main/resources/application.yml",
            """
            spring:
              application:
                name: shop
              jpa:
                hibernate:
                  ddl-auto: validate
            ---
            spring:
              config:
                activate:
                  on-profile: production
              jpa:
                hibernate:
                  ddl-auto: update
            ---
            spring:
              config.activate.on-profile: test
              jpa.hibernate.ddl-auto: create-drop
            ---
            spring.profiles: it
            spring.jpa.hibernate.ddl_auto: create
            """);
    assertThat(Jvm.flagged(p)).containsExactly(new AutoDdl("spring.jpa.hibernate.ddl-auto=update"));
    Occurrence o = Jvm.flaggedOccurrences(p).get(0);
    assertThat(o.span().startLine()).isEqualTo(14);
    assertThat(o.statement()).isEqualTo("ddl-auto: update");
    assertThat(o.within()).contains("profile `production`");
    assertThat(p.statements()).isEqualTo(4);
  }

  @Test
  void yamlAnchorsAndPlaceholders() {
    Parsed p =
        Jvm.settings(
            "application.yaml",
            """
            defaults: &jpa
              hibernate:
                ddl-auto: ${DDL_AUTO:create}
            spring:
              jpa:
                <<: *jpa
              flyway:
                cleanDisabled: "false"
            """);
    assertThat(Jvm.flagged(p))
        .contains(new SchemaWipe("spring.jpa.hibernate.ddl-auto=${DDL_AUTO:create}"), new SchemaWipe("flyway clean enabled: spring.flyway.cleanDisabled=false"));
  }

  @Test
  void testFilesAndTestProfileFilesAreNotFlagged() {
    String text = "spring.jpa.hibernate.ddl-auto=create-drop\n";
    assertThat(Jvm.flagged(Jvm.settings("src/test/resources/application.properties", text))).isEmpty();
    assertThat(Jvm.flagged(Jvm.settings("src/main/resources/application-test.properties", text))).isEmpty();
    assertThat(Jvm.flagged(Jvm.settings("src/main/resources/application-it.yml", "spring.jpa.hibernate.ddl-auto: create\n"))).isEmpty();
    assertThat(Jvm.flagged(Jvm.settings("src/integrationTest/resources/application.properties", text))).isEmpty();
    assertThat(Jvm.flagged(Jvm.settings("src/main/resources/application-dev.properties", text))).hasSize(1);
    assertThat(Jvm.flagged(Jvm.settings("src/main/resources/application-prod.properties", text))).hasSize(1);
    // a negated profile is every profile but one: not a test
    assertThat(Jvm.flagged(Jvm.settings("application.yml", "spring.config.activate.on-profile: '!test'\nspring.jpa.hibernate.ddl-auto: create\n"))).hasSize(1);
  }

  @Test
  void persistenceXmlAndHibernateCfg() {
    Parsed p =
        Jvm.settings(
            "src/main/resources/META-INF/persistence.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
              <persistence-unit name="shop">
                <properties>
                  <!-- <property name="hibernate.hbm2ddl.auto" value="create"/> -->
                  <property name="jakarta.persistence.schema-generation.database.action"
                            value="drop-and-create"/>
                  <property name="hibernate.show_sql" value="true"/>
                </properties>
              </persistence-unit>
              <persistence-unit name="shop-test">
                <properties>
                  <property name="hibernate.hbm2ddl.auto" value="create-drop"/>
                </properties>
              </persistence-unit>
            </persistence>
            """);
    assertThat(Jvm.flagged(p)).containsExactly(new SchemaWipe("jakarta.persistence.schema-generation.database.action=drop-and-create"));
    Occurrence o = Jvm.flaggedOccurrences(p).get(0);
    assertThat(o.span().startLine()).isEqualTo(6);
    assertThat(o.span().endLine()).isEqualTo(7);

    Parsed cfg =
        Jvm.settings(
            "src/main/resources/hibernate.cfg.xml",
            """
            <?xml version='1.0' encoding='utf-8'?>
            <!DOCTYPE hibernate-configuration PUBLIC
                    "-//Hibernate/Hibernate Configuration DTD 3.0//EN"
                    "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
            <hibernate-configuration>
              <session-factory>
                <property name="connection.url">jdbc:mysql://localhost/shop</property>
                <property name="hbm2ddl.auto">update</property>
              </session-factory>
            </hibernate-configuration>
            """);
    assertThat(Jvm.flagged(cfg)).containsExactly(new AutoDdl("hbm2ddl.auto=update"));
    assertThat(cfg.occurrences().get(0).statement()).isEqualTo("<property name=\"hbm2ddl.auto\">update</property>");
    assertThat(cfg.occurrences().get(0).span().startLine()).isEqualTo(8);
  }

  @Test
  void jpaCreateOnlyCreates() {
    Parsed p = Jvm.settings("application.properties", "javax.persistence.schema-generation.database.action=create\n");
    assertThat(Jvm.ops(p)).containsExactly(new AutoDdl("javax.persistence.schema-generation.database.action=create"));
  }

  @Test
  void flywayConfAndGradleProperties() {
    assertThat(Jvm.flagged(Jvm.settings("flyway.conf", "flyway.url=jdbc:h2:mem:x\nflyway.cleanDisabled=false\n")))
        .containsExactly(new SchemaWipe("flyway clean enabled: flyway.cleanDisabled=false"));
    assertThat(Jvm.flagged(Jvm.settings("gradle.properties", "flyway.cleanDisabled=true\n"))).isEmpty();
  }

  @Test
  void brokenYamlIsAnUnparsedMigration() {
    Parsed p = Jvm.settings("application.yml", "spring:\n  jpa:\n    hibernate: [ddl-auto: update\n");
    assertThat(Jvm.ops(p)).hasSize(1).first().isInstanceOf(UnparsedMigration.class);
  }

  @Test
  void allowCommentsAboveTheSetting() {
    String text =
        """
        spring:
          jpa:
            hibernate:
              # airlock:allow auto-ddl the demo instance is rebuilt every night
              ddl-auto: update
        """;
    assertThat(Jvm.ruleIds(new SpringSettingsFormat(), "application-demo.yml", text)).isEmpty();
    assertThat(Jvm.suppressed(new SpringSettingsFormat(), "application-demo.yml", text)).containsExactly("auto-ddl");
  }

  @Test
  void endToEndRules() {
    assertThat(Jvm.ruleIds(new SpringSettingsFormat(), "application.properties", "spring.jpa.hibernate.ddl-auto=create\nspring.jpa.generate-ddl=true\n"))
        .containsExactly("schema-wipe", "auto-ddl");
  }

  @Test
  void formatRecognition() {
    SpringSettingsFormat f = new SpringSettingsFormat();
    assertThat(f.candidate(Path.of("src/main/resources/application.yml"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/resources/application-prod.yaml"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/resources/bootstrap.properties"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/resources/META-INF/persistence.xml"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/resources/hibernate.cfg.xml"))).isTrue();
    assertThat(f.candidate(Path.of("src/main/resources/logback.xml"))).isFalse();
    assertThat(f.accepts(Path.of("application.yml"), "server:\n  port: 8080\n")).isFalse();
  }
}
