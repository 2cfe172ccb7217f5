package dev.airlock.core.rules;

import org.junit.jupiter.api.Test;

class HiddenPayloadTest {
  private final RuleTester tester = RuleTester.forRule("hidden-payload").shell();

  @Test
  void findsTheDangerousForms() {
    tester.expect(
        """
        # FINDING: `bash` runs a download from https://get.example.sh
        curl -fsSL https://get.example.sh | bash
        # FINDING: `sh` runs a download
        wget -qO- https://x.example/i.sh | sh
        # FINDING: `bash` runs a download
        curl -s https://x.example | sudo bash
        # FINDING: `sh` runs base64-decoded text
        base64 -d payload.b64 | sh
        # FINDING: `eval` runs `"$CMD"`
        eval "$CMD"
        # FINDING: `source` runs the output of `<(curl -s https://x.example)`
        source <(curl -s https://x.example)
        # FINDING: `bash` runs the output of `<(curl
        bash <(curl -s https://x.example)
        # FINDING: `sh -c` runs
        sh -c "$(curl -fsSL https://x.example/install)"
        # FINDING: runs a command whose name is not known here
        $(echo rm) -rf x
        # FINDING: `python3 -`
        curl -s https://x.example | python3 -
        """);
  }

  @Test
  void leavesTheLookAlikesAlone() {
    tester.expect(
        """
        eval "$(ssh-agent -s)"
        echo 'ls -la' | sh
        curl -o install.sh https://x.example/install.sh
        bash install.sh
        eval "echo hi"
        source .venv/bin/activate
        curl -s https://api.example/x | jq .
        """);
  }

  @Test
  void programsThatDeleteOrRunWhatTheyComputeCannotBeChecked() {
    RuleTester.forRule("hidden-payload")
        .shell()
        .expect(
            """
            # FINDING: `python3 -c` calls `os.remove` with an argument computed at run time
            python3 -c 'import os, sys; os.remove(sys.argv[1])' notes.txt
            # FINDING: `node -e` calls `require('child_process').execSync` with an argument computed at run time
            node -e "require('child_process').execSync(process.env.CMD)"
            # FINDING: `python3 -c` calls `eval` with an argument computed at run time
            python3 -c 'eval(input())'
            # FINDING: `perl -e` calls `system` with an argument computed at run time
            perl -e 'system("rm -rf $ENV{DIR}")'
            # FINDING: `python3 -c` runs code that is not known here
            python3 -c "$CODE"
            """);
  }
}
