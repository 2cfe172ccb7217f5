package dev.airlock.migrations.js;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterTypescript;

/** The JavaScript and TypeScript grammars load with the one tree-sitter runtime of the module. */
class GrammarsTest {
  @Test
  void javascriptGrammarLoadsAndParses() {
    TSParser parser = new TSParser();
    parser.setLanguage(new TreeSitterJavascript());
    TSNode root =
        parser
            .parseString(null, "exports.up = (knex) => knex.schema.dropTable('users');")
            .getRootNode();
    assertThat(root.getType()).isEqualTo("program");
    assertThat(root.hasError()).isFalse();
    assertThat(root.getNamedChild(0).getType()).isEqualTo("expression_statement");
  }

  @Test
  void typescriptGrammarLoadsAndParsesTypes() {
    TSParser parser = new TSParser();
    parser.setLanguage(new TreeSitterTypescript());
    TSNode root =
        parser
            .parseString(
                null,
                "export class A implements MigrationInterface {\n"
                    + "  public async up(queryRunner: QueryRunner): Promise<void> { await queryRunner.query(`SELECT 1`); }\n"
                    + "}\n")
            .getRootNode();
    assertThat(root.hasError()).isFalse();
    assertThat(root.getNamedChild(0).getType()).isEqualTo("export_statement");
  }
}
