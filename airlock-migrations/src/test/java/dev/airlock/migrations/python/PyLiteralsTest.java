package dev.airlock.migrations.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyLiteralsTest {
  /** The value of the first argument of the first call to f(...) in the text. */
  private static java.util.Optional<String> firstArg(String text) {
    PythonSource py = PythonSource.parse(text);
    List<PyCall> calls = new ArrayList<>();
    py.root().walk(n -> PyCall.of(n).filter(c -> c.callee().equals("f")).ifPresent(calls::add));
    return PyLiterals.string(calls.get(0).positional().get(0));
  }

  @Test
  void plainSingleAndDoubleQuotes() {
    assertThat(firstArg("f('DROP TABLE a')")).contains("DROP TABLE a");
    assertThat(firstArg("f(\"DROP TABLE a\")")).contains("DROP TABLE a");
  }

  @Test
  void implicitConcatenationAcrossLines() {
    assertThat(firstArg("f(\n  'ALTER TABLE a '\n  \"DROP COLUMN b\"\n)"))
        .contains("ALTER TABLE a DROP COLUMN b");
  }

  @Test
  void plusConcatenationOfLiterals() {
    assertThat(firstArg("f('DELETE FROM ' + 'users' + ' WHERE 1=1')"))
        .contains("DELETE FROM users WHERE 1=1");
  }

  @Test
  void tripleQuotedAndRawStrings() {
    assertThat(firstArg("f(\"\"\"\n  DROP TABLE a;\n  DROP TABLE b;\n\"\"\")"))
        .contains("\n  DROP TABLE a;\n  DROP TABLE b;\n");
    assertThat(firstArg("f(r'a\\nb')")).contains("a\\nb");
    assertThat(firstArg("f('a\\nb\\x41\\'')")).contains("a\nbA'");
  }

  @Test
  void fStringWithFieldsIsNotALiteral() {
    assertThat(firstArg("f(f'DROP TABLE {name}')")).isEmpty();
    assertThat(firstArg("f('DROP TABLE %s' % name)")).isEmpty();
    assertThat(firstArg("f('DROP TABLE {}'.format(name))")).isEmpty();
  }

  @Test
  void namesBoundToConstantsResolve() {
    String text = "SQL = '''DROP TABLE a'''\n\ndef g():\n    f(SQL)\n";
    assertThat(firstArg(text)).contains("DROP TABLE a");
    String local = "def g():\n    sql = 'DELETE FROM b'\n    f(sql)\n";
    assertThat(firstArg(local)).contains("DELETE FROM b");
  }

  @Test
  void dedentAndStripKeepTheSql() {
    assertThat(firstArg("f(dedent('''\n    DROP TABLE a;\n'''))")).contains("\nDROP TABLE a;\n");
    assertThat(firstArg("f('''  DROP TABLE a  '''.strip())")).contains("DROP TABLE a");
  }

  @Test
  void keywordAndPositionalArgumentsBindLikePython() {
    PythonSource py = PythonSource.parse("x.RemoveField('order', name='legacy')\n");
    PyCall c = PyCall.of(py.root().named().get(0).named().get(0)).orElseThrow();
    assertThat(c.callee()).isEqualTo("x.RemoveField");
    assertThat(c.name()).isEqualTo("RemoveField");
    assertThat(c.arg(0, "model_name").flatMap(PyLiterals::string)).contains("order");
    assertThat(c.arg(1, "name").flatMap(PyLiterals::string)).contains("legacy");
    assertThat(c.arg(2, "field")).isEmpty();
  }

  @Test
  void offsetsAreCharOffsetsEvenAfterNonAscii() {
    String text = "# café ☕ 𝄞\nf('x')\n";
    PythonSource py = PythonSource.parse(text);
    List<PyCall> calls = new ArrayList<>();
    py.root().walk(n -> PyCall.of(n).ifPresent(calls::add));
    assertThat(calls.get(0).text()).isEqualTo("f('x')");
    assertThat(py.comments().get(0).text()).isEqualTo("# café ☕ 𝄞");
  }

  @Test
  void commentsAboveAndAtTheEndOfTheLineBelongToTheCall() {
    String text = "# unrelated\n\n# first\n# second\nf(1)  # trailing\ng(2)\n";
    PythonSource py = PythonSource.parse(text);
    PyNode call = py.root().named().get(0).named().get(0);
    assertThat(PyComments.around(call).stream().map(PyNode::text))
        .containsExactly("# first", "# second", "# trailing");
    PyNode g = py.root().named().get(1).named().get(0);
    assertThat(PyComments.around(g)).isEmpty();
  }

  @Test
  void hashInsideAStringIsNotAComment() {
    String text = "x = '''\n# airlock:allow drop-table nope\n'''\nf(1)\n";
    PythonSource py = PythonSource.parse(text);
    PyNode call = py.root().named().get(1).named().get(0);
    assertThat(PyComments.around(call)).isEmpty();
  }

  @Test
  void syntaxErrorsAreListedAndTheRestStillParses() {
    PythonSource py = PythonSource.parse("f(1\ng('x')\ndef (:\n");
    assertThat(py.errors()).isNotEmpty();
  }
}
