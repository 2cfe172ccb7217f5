package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class KeyStoreFlushTest {
  private final RuleTester tester = RuleTester.forRule("key-store-flush").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `redis-cli FLUSHALL` deletes every key of every database
        redis-cli FLUSHALL
        # FINDING: database 3
        redis-cli -n 3 flushdb
        # FINDING: FLUSHALL
        redis-cli -h prod.cache flushall async
        # FINDING: FLUSHDB
        echo FLUSHDB | redis-cli
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        redis-cli GET x
        redis-cli KEYS '*'
        echo FLUSHALL
        redis-cli --scan --pattern 'sess:*'
        """);
  }
}
