package dev.airlock.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash that binds an approval to its statement: any change to text or parameters shows. */
class StatementHashTest {
  private static final String DELETE = "DELETE FROM customers WHERE email LIKE $1";

  @Test
  void isSha256OfTheCanonicalArray() {
    // echo -n '["SELECT 1",["a\"b"]]' | sha256sum
    assertThat(StatementHash.of("SELECT 1", List.of("a\"b")))
        .isEqualTo(StatementHash.sha256("[\"SELECT 1\",[\"a\\\"b\"]]"))
        .isEqualTo("720556d150e96089f927a6a5ffd45694d4e864956ae26450bfa4d744c874c334");
  }

  @Test
  void everyChangeChangesIt() {
    String h = StatementHash.of(DELETE, List.of("%test%"));
    assertThat(StatementHash.of(DELETE, List.of("%test%"))).isEqualTo(h);
    assertThat(StatementHash.of(DELETE + " ", List.of("%test%"))).isNotEqualTo(h);
    assertThat(StatementHash.of(DELETE, List.of("%"))).isNotEqualTo(h);
    assertThat(StatementHash.of(DELETE, List.of("%test%", ""))).isNotEqualTo(h);
    assertThat(StatementHash.of(DELETE, List.of())).isNotEqualTo(h);
    // text and parameters cannot trade places: the boundary is part of what is hashed
    assertThat(StatementHash.of("a", List.of("b,c"))).isNotEqualTo(StatementHash.of("a", List.of("b", "c")));
    assertThat(StatementHash.of("a\",\"b", List.of())).isNotEqualTo(StatementHash.of("a", List.of("b")));
  }
}
