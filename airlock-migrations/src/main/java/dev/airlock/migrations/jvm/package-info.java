/**
 * The JVM stack: Flyway Java migrations, Spring/Hibernate settings that destroy schemas, and
 * {@code flyway clean} / {@code liquibase drop-all} in build files, scripts and CI. Three formats,
 * each a {@link dev.airlock.migrations.MigrationFormat}: {@link
 * dev.airlock.migrations.jvm.FlywayJavaFormat}, {@link
 * dev.airlock.migrations.jvm.SpringSettingsFormat} and {@link
 * dev.airlock.migrations.jvm.BuildScriptsFormat}. Start with the frontends they return.
 *
 * <p>Parsers, chosen per format. Java is read with JavaParser (full AST with exact ranges, so a
 * call in a comment never counts and a call over five lines does); its SQL arguments are
 * evaluated as constants by {@code JavaValues} (literals, text blocks, concatenation, {@code
 * static final} constants, the last assignment of a local, {@code String.format}, StringBuilder
 * chains, helper parameters from their call sites, loops over constant arrays) and analysed with
 * the SQL frontend through {@link dev.airlock.core.sql.EmbeddedSql}; anything computed is {@code
 * DynamicSql}. Only code reachable from {@code migrate(Context)} counts (calls by name to methods
 * of the same file, plus the class's constructors and initialisers). YAML is read with SnakeYAML's
 * node graph (marks give exact lines; anchors and merge keys are followed), XML with StAX
 * (positions from its line and column: its character offsets drift after a DOCTYPE), {@code
 * .properties} with a hand-written reader of the {@code java.util.Properties} syntax (which has no
 * positions) including Spring's {@code #---} documents. Shell text (scripts, Makefile recipes, CI
 * {@code run:}/{@code script:}, Jenkins {@code sh}) goes through {@code ShellCommands}, a small
 * POSIX tokenizer (quotes, escapes, comments, here-documents, substitutions, separators); commands
 * that only print or search ({@code echo}, {@code printf}, {@code grep}, {@code git commit -m})
 * are never read as running their arguments. Gradle and Jenkinsfiles go through {@code
 * GroovyTokens}, a Groovy/Kotlin tokenizer: there is no Groovy or Kotlin parser on the classpath,
 * and the constructs that matter ({@code dependsOn}, {@code commandLine}, {@code sh}) are visible
 * in tokens.
 *
 * <p>Tests are left alone: settings in files under {@code src/test/} (or another test source set
 * such as {@code src/integrationTest/}), in files named for a test profile ({@code
 * application-test.properties}, {@code application-it.yml}), in YAML or properties documents
 * activated only on a test profile ({@code spring.config.activate.on-profile: test}), in a
 * persistence unit named for tests, or inside a Gradle {@code test} block count as benign. A
 * negated profile ({@code !prod}) is not a test. Build files, scripts and CI are not exempt: a
 * CI step that cleans a throw-away database is acknowledged with an {@code airlock:allow} comment.
 */
package dev.airlock.migrations.jvm;
