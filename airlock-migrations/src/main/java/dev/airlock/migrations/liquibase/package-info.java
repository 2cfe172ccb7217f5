/**
 * Liquibase changelogs. Start at {@link dev.airlock.migrations.liquibase.LiquibaseFormat}. XML is
 * read with the JDK's StAX (no extra dependency, exact locations, DTDs and external entities
 * refused); YAML and JSON with SnakeYAML's node API, which keeps every node's marks and resolves
 * anchors; both become the same {@code ChangeNode} tree, which {@code ChangelogTranslator} turns
 * into operations and the SQL Liquibase generates. Formatted SQL changelogs are split at their
 * {@code --changeset} lines, as Liquibase does, and each body goes through the SQL frontend.
 */
package dev.airlock.migrations.liquibase;
