package dev.airlock.core.rules;

import dev.airlock.core.shell.FileSystemView;
import dev.airlock.core.shell.ShellContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RmSystemPathTest {
  private final RuleTester tester = RuleTester.forRule("rm-system-path").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `rm -rf` deletes `/` (a system path)
        rm -rf /
        # FINDING: `/etc`
        sudo rm -rf /etc
        # FINDING: /usr/lib
        sudo -u root rm -rf /usr/lib
        # FINDING: `~` (/home/user, the home directory)
        rm -rf ~
        # FINDING: `$HOME` (/home/user, the home directory)
        rm -rf $HOME
        # FINDING: `/*` (a system path, every entry in it)
        rm -rf /*
        # FINDING: --no-preserve-root
        rm -fr --no-preserve-root /
        # FINDING: `find -delete` deletes `/`
        find / -delete
        # FINDING: (inside `sh` reading echo
        echo 'rm -rf /' | sh
        # FINDING: /boot
        bash -c "rm -rf /boot"
        # FINDING: `/home`
        rm -rf /home
        # FINDING: C:\\
        rm -rf C:\\\\
        # FINDING: /var
        X=/var; rm -rf $X/
        # FINDING: (inside `sh` reading base64 -d)
        echo cm0gLXJmIC8K | base64 -d | sh
        # FINDING: /usr
        rm -rf /usr/local/../
        # FINDING: /etc
        docker run --rm x && rm -rf /etc/nginx/../
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        rm -rf /tmp/x
        echo rm -rf /
        rm -rf ./etc
        rm -rf ~/project/build/../../project-old/x
        ls /
        du -sh /usr
        rm -rf "$HOME/.cache/pip"
        """);
  }

  @Test
  void aCommandRunFromTheFileSystemRootHasNoProjectToHideIn() {
    // no repository above `/`: the working directory is the "project root", and must not make
    // every system path ordinary work
    RuleTester.forRule("rm-system-path")
        .shell(new ShellContext(Path.of("/"), Path.of("/"), Path.of("/home/user"), Map.of(), FileSystemView.none()))
        .expect(
            """
            # FINDING: `/etc`
            rm -rf /etc
            # FINDING: `usr` (/usr
            rm -rf usr
            """);
  }
}
