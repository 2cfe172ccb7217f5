package dev.airlock.migrations.django;

import static dev.airlock.migrations.django.DjangoFixture.*;

import dev.airlock.core.frontend.Parsed;
import org.junit.jupiter.api.Test;

class DjangoSmokeTest {
  @Test
  void smoke() {
    Parsed p = parse("shop/migrations/0042_remove_legacy.py", migration("('shop', '0041_x')",
        "        # airlock:allow drop-column moved to archive\n        migrations.RemoveField(\n            model_name='order',\n            name='legacy_order_id',\n        ),\n        migrations.RunSQL(\"DROP TABLE \" 'old_stuff', reverse_sql=migrations.RunSQL.noop),\n"));
    p.occurrences().forEach(System.out::println);
  }
}
