package dev.airlock.core.rules;

import dev.airlock.core.shell.FileSystemView;
import dev.airlock.core.shell.ShellContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RmOutsideProjectTest {
  private final RuleTester tester = RuleTester.forRule("rm-outside-project").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `rm -rf` deletes `/var/app/releases/temp` (outside the project); `../shared/uploads` (/shared/uploads, outside the project
        rm -rf /var/app/releases/temp ../shared/uploads
        # FINDING: `/srv/app/data`
        sudo rm -rf /srv/app/data
        # FINDING: `cache` (/opt/app/cache, outside the project
        cd /opt/app && rm -rf cache
        # FINDING: `/home/deploy/app` (on host prod) (inside `ssh prod`)
        ssh prod 'rm -rf /home/deploy/app'
        # FINDING: `find -delete` deletes `../other`
        find ../other -name '*.log' -delete
        # FINDING: `../sibling`
        env -i nohup nice -n 10 timeout 5 rm -rf ../sibling
        # FINDING: /home/user/Documents
        bash -c 'rm -r ~/Documents'
        # FINDING: (inside `bash -c` in `bash -c`)
        bash -c "bash -c 'rm -rf ../x'"
        # FINDING: `"$X"` (/data/exports
        X=/data/exports; rm -rf "$X"
        # FINDING: /a, outside the project
        rm -rf ../{a,b}
        # FINDING: (inside `eval`)
        eval "rm -rf ../x"
        # FINDING: (inside `find -exec`)
        find ../logs -mtime +30 -exec rm -f {} \\;
        # FINDING: (inside `xargs`)
        find ../logs -type f | xargs rm
        # FINDING: `"$d"` (/opt/a, outside the project)
        # FINDING: `"$d"` (/opt/b, outside the project)
        for d in ../a ../b; do rm -rf "$d"; done
        # FINDING: (inside `sh` reading here-document)
        sh <<'EOF'
        rm -rf ../data
        EOF
        # FINDING: rsync --delete
        rsync -a --delete build/ ../site/
        # FINDING: (inside `ssh db1`)
        ssh -p 22 deploy@db1 <<EOF
        rm -rf /var/backups/db
        EOF
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        rm -rf build node_modules
        rm -rf ./dist/*.js
        echo "rm -rf /srv"
        grep -r "rm -rf ../x" .
        rm -rf /tmp/build-123
        git rm -r old/
        # rm -rf /srv
        printf '%s\\n' 'rm -rf ../x'
        cat <<'EOF'
        rm -rf ../data
        EOF
        rm -rf "${TMPDIR:-/tmp}/airlock-test"
        """);
  }

  @Test
  void theHomeDirectoryIsNoProject() {
    // an agent started in ~ (or in a dotfiles repository there) must not delete ~/Documents as work
    Path home = Path.of("/home/user");
    RuleTester.forRule("rm-outside-project")
        .shell(new ShellContext(home, home, home, Map.of("HOME", "/home/user"), FileSystemView.none()))
        .expect(
            """
            # FINDING: `Documents` (/home/user/Documents
            rm -rf Documents
            # FINDING: `~/photos` (/home/user/photos
            rm -r ~/photos
            """);
  }

  @Test
  void readsTheProgramsHandedToInterpreters() {
    tester.expect(
        """
        # FINDING: `python3 shutil.rmtree` deletes `/srv/data`
        python3 -c "import shutil; shutil.rmtree('/srv/data')"
        # FINDING: `node require('fs').rmSync` deletes `../shared/uploads`
        node -e "require('fs').rmSync('../shared/uploads', {recursive: true})"
        # FINDING: `ruby FileUtils.rm_rf` deletes `/opt/app/data`
        ruby -e 'require "fileutils"; FileUtils.rm_rf("/opt/app/data")'
        # FINDING: `perl rmtree` deletes `../backups`
        perl -MFile::Path -e 'rmtree("../backups")'
        # FINDING: `rm -rf` deletes `'/var/backups/db'`
        python -c "import subprocess; subprocess.run(['rm', '-rf', '/var/backups/db'])"
        # FINDING: `rm -rf` deletes `../shared/uploads` (/shared/uploads, outside the project) (inside `node -e` calls `require('child_process').execSync`)
        node -e "require('child_process').execSync('rm -rf ../shared/uploads')"
        # FINDING: `python3 shutil.rmtree` deletes `/srv/x`
        python3 -c "exec('import shutil; shutil.rmtree(\\"/srv/x\\")')"
        """);
  }

  @Test
  void leavesHarmlessProgramsAlone() {
    tester.expect(
        """
        python3 -c 'print(1)'
        python3 -c 'print("shutil.rmtree(/)")'
        python3 -c "import shutil; shutil.rmtree('build')"
        node -e 'console.log(process.version)'
        node -e "require('fs').rmSync('dist', {recursive: true, force: true})"
        perl -e 'print "unlink /etc/passwd\\n"'
        ruby -e 'puts 1 # FileUtils.rm_rf("/")'
        php -r 'echo "hello";'
        python3 -m http.server 8000
        python3 manage.py migrate
        """);
  }

  @Test
  void readsTheScriptsACommandRunsOrSources(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    Path app = java.nio.file.Files.createDirectories(dir.resolve("app"));
    java.nio.file.Files.writeString(app.resolve("cleanup.sh"), "#!/usr/bin/env bash\nset -e\nrm -rf ../shared/uploads\n");
    java.nio.file.Files.writeString(app.resolve("plain.sh"), "rm -rf /srv/app/data\n");
    java.nio.file.Files.writeString(app.resolve("tool.py"), "#!/usr/bin/env python3\nprint('rm -rf /')\n");
    java.nio.file.Files.writeString(app.resolve("build.sh"), "#!/bin/sh\nrm -rf build dist\n");
    RuleTester.forRule("rm-outside-project")
        .shell(new ShellContext(app, app, dir.resolve("home"), Map.of(), new dev.airlock.core.shell.LocalFileSystem()))
        .expect(
            """
            # FINDING: (inside script `./cleanup.sh`)
            ./cleanup.sh
            # FINDING: (inside `source cleanup.sh`)
            source cleanup.sh
            # FINDING: `/srv/app/data` (outside the project
            . ./plain.sh
            ./tool.py
            ./build.sh
            ./missing.sh
            """);
  }
}
