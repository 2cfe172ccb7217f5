package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class OverwriteSystemPathTest {
  private final RuleTester tester = RuleTester.forRule("overwrite-system-path").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `dd of=` overwrites `/dev/sda`
        dd if=/dev/zero of=/dev/sda bs=1M
        # FINDING: `mkfs.ext4` formats (erasing every file on it) `/dev/sdb1`
        sudo mkfs.ext4 /dev/sdb1
        # FINDING: `> (redirection)` truncates `/etc/passwd`
        echo root > /etc/passwd
        # FINDING: `cp` overwrites `/etc/hosts`
        cp hosts /etc/hosts
        # FINDING: `tee` truncates `/etc/hosts`
        echo 1.2.3.4 x | sudo tee /etc/hosts
        # FINDING: `wipefs`
        wipefs -a /dev/nvme0n1
        # FINDING: `shred -u` overwrites with random data and deletes `/dev/sdc`
        shred -u /dev/sdc
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        cat x > /dev/null
        echo hi >> /etc/hosts
        make 2>&1 | tee build.log
        cmd > /dev/stderr
        echo x | sudo tee -a /etc/hosts
        dd if=/dev/sda of=disk.img
        ls > /dev/null 2>&1
        """);
  }
}
