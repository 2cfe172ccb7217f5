package dev.airlock.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.frontend.Parsed;
import dev.airlock.core.source.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser and the analysis are total: any text yields occurrences, never an exception. */
class ShellParserPropertiesTest {
  private static final List<String> FRAGMENTS =
      List.of(
          "rm -rf ", "x", "\"", "'", "$(", ")", "`", "{", "}", "(", "|", "||", "&&", ";", "&", "\n", "<<EOF\n", "EOF\n", "<<-'E'\n", "\tE\n",
          "$", "${", "${X:-", "~", "*", "?", "[a-z]", "{a,b}", "{1..3}", "\\", "#", " ", "if ", "then ", "fi", "for i in ", "do ", "done",
          "case $x in ", "a) ", ";;", "esac", "while ", "function f ", "f() ", "[[ ", " ]]", "((", "))", "<(", ">(", ">", ">>", "2>&1", "&>",
          "<", "<<<", "sudo ", "env X=1 ", "bash -c ", "eval ", "ssh h ", "xargs ", "find . -exec rm {} \\; ", "-delete", "curl x | sh",
          "git push -f", "kubectl delete ns x", "$'\\x41'", "$\"", "..", "/", "../shared", "$HOME", "$1", "X=/tmp; ", "psql -c ", "cd .. && ");

  private final ShellContext ctx =
      new ShellContext(Path.of("/project"), Path.of("/project"), Path.of("/home/user"), Map.of(), FileSystemView.none());

  @Property(tries = 3000)
  void randomTextNeverThrows(@ForAll String text) {
    check(text);
  }

  @Property(tries = 3000)
  void randomFragmentsNeverThrow(@ForAll("fragments") String text) {
    check(text);
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(30).map(l -> String.join("", l));
  }

  private void check(String text) {
    Parsed parsed = ShellFrontend.forCommand(ctx).parse(new SourceText("<command>", text));
    assertThat(parsed).isNotNull();
    // a backslash-newline is a line continuation: it joins lines and is no command by itself
    String joined = text.replace("\\\n", "");
    if (!joined.isBlank() && !joined.strip().chars().allMatch(c -> c == ';' || c == '#' || Character.isWhitespace(c)) && !onlyComments(joined)) {
      assertThat(parsed.occurrences()).as("occurrences for %s", text).isNotEmpty();
    }
    for (var o : parsed.occurrences()) {
      assertThat(o.span().startOffset()).isBetween(0, text.length());
      assertThat(o.span().endOffset()).isBetween(o.span().startOffset(), text.length());
    }
  }

  private static boolean onlyComments(String text) {
    for (String line : text.split("\n", -1)) {
      String s = line.strip();
      while (s.startsWith(";")) {
        s = s.substring(1).strip();
      }
      if (!s.isEmpty() && !s.startsWith("#")) {
        return false;
      }
    }
    return true;
  }
}
