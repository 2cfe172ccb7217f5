package dev.airlock.gateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of an UPDATE or DELETE that pick its rows, as the sample SELECT reuses them. */
class DmlShapeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          DELETE FROM customers WHERE email LIKE '%test%'                         | customers        | customers | -                   | email LIKE '%test%'
          delete from public.customers c where c.id = $1 returning *              | public.customers | c         | -                   | c.id = ?
          DELETE FROM ONLY orders AS o USING customers c WHERE c.id = o.customer_id AND c.email = ? | orders | o  | customers c         | c.id = o.customer_id AND c.email = ?
          UPDATE orders SET total_cents = $1 WHERE id = $2                        | orders           | orders    | -                   | id = ?
          UPDATE orders o SET total_cents = 0 FROM customers c WHERE c.id = o.customer_id | orders  | o         | customers c         | c.id = o.customer_id
          UPDATE "Orders" SET a = 1                                                | "Orders"         | "Orders"  | -                   | -
          UPDATE t SET a = 1 WHERE a IS DISTINCT FROM 2                            | t                | t         | -                   | a IS DISTINCT FROM 2
          """)
  void shapes(String sql, String table, String alias, String join, String where) throws Refused {
    OneStatement st = OneStatement.parse(sql);
    DmlShape s = DmlShape.of(st).orElseThrow();
    assertThat(s.table()).isEqualTo(table);
    assertThat(s.alias().text()).isEqualTo(alias);
    assertThat(s.joinFrom() < 0 ? "-" : st.segment(s.joinFrom(), s.joinTo()).sql()).isEqualTo(join);
    assertThat(s.whereFrom() < 0 ? "-" : st.segment(s.whereFrom(), s.whereTo()).sql())
        .isEqualTo(where);
  }

  @Test
  void otherStatementsHaveNoShape() throws Refused {
    for (String sql :
        List.of(
            "INSERT INTO t VALUES (1)",
            "WITH x AS (SELECT 1) DELETE FROM t",
            "DELETE FROM t WHERE CURRENT OF c",
            "MERGE INTO t USING u ON true WHEN MATCHED THEN DELETE")) {
      assertThat(DmlShape.of(OneStatement.parse(sql))).as(sql).isEqualTo(Optional.empty());
    }
  }

  @Test
  void theConditionsColumnsAreBareOrQualifiedByTheTarget() throws Refused {
    OneStatement st =
        OneStatement.parse(
            "DELETE FROM orders o USING customers c WHERE c.email = $1 AND o.customer_id = c.id AND lower(status) = 'x'");
    assertThat(DmlShape.of(st).orElseThrow().conditionNames(st.code()))
        .containsExactly("customer_id", "status");
  }

  @Test
  void segmentsKeepTheirParametersInOrder() throws Refused {
    OneStatement st = OneStatement.parse("UPDATE t SET a = $3 FROM u WHERE u.x = $1 AND t.y = $2");
    DmlShape s = DmlShape.of(st).orElseThrow();
    OneStatement.Segment where = st.segment(s.whereFrom(), s.whereTo());
    assertThat(where.sql()).isEqualTo("u.x = ? AND t.y = ?");
    assertThat(st.bind(List.of("one", "two", "three"), where)).containsExactly("one", "two");
    assertThat(st.sql()).isEqualTo("UPDATE t SET a = ? FROM u WHERE u.x = ? AND t.y = ?");
    assertThat(st.bind(List.of("one", "two", "three"))).containsExactly("three", "one", "two");
  }
}
