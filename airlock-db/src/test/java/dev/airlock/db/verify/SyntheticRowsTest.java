package dev.airlock.db.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.core.source.SourceText;
import dev.airlock.db.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** --rows N fills parents before children with values that fit types, lengths, keys and NOT NULL. */
class SyntheticRowsTest {
  static final String SCHEMA =
      """
      CREATE TYPE mood AS ENUM ('calm', 'busy');
      CREATE TABLE accounts (id serial PRIMARY KEY, code varchar(5) NOT NULL UNIQUE, opened date NOT NULL, mood mood NOT NULL,
                             token uuid NOT NULL, settings jsonb, active boolean NOT NULL DEFAULT true, ratio double precision);
      CREATE TABLE payments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id int NOT NULL REFERENCES accounts (id),
                             parent_id bigint REFERENCES payments (id), amount numeric(8,2) NOT NULL, at timestamptz NOT NULL, memo text);
      """;

  @Test
  void generatedRowsRespectTypesAndKeys() throws Exception {
    VerifyRequest req =
        VerifyRequest.of(List.of(new SourceText("m.sql", "DELETE FROM payments WHERE memo IS NULL;\nALTER TABLE accounts DROP COLUMN ratio;")))
            .withSchema(List.of(new SourceText("schema.sql", SCHEMA)))
            .withRows(200);
    VerifyReport r;
    try (Connection c = TestDatabase.connect(TestDatabase.newDatabase())) {
      r = Verifier.verify(c, req, "test", Optional.empty());
    }
    assertThat(r.prepared()).anyMatch(p -> p.startsWith("synthetic rows: 200 into public.accounts"))
        .anyMatch(p -> p.startsWith("synthetic rows: 200 into public.payments"));
    assertThat(r.dataLoss()).extracting(DataLoss::describe)
        .containsExactly(
            "deletes from public.payments: 20 rows, 80 non-null values",
            "drops column public.accounts.ratio: 200 rows, 180 non-null values");
  }
}
