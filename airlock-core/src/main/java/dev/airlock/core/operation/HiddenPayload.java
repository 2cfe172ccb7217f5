package dev.airlock.core.operation;

/**
 * A command whose real payload cannot be seen before it runs: {@code curl ... | bash}, {@code
 * base64 -d | sh}, {@code eval "$X"}, {@code source <(curl ...)}. Never allowed unseen.
 *
 * @param reason what hides the payload, e.g. "the output of `curl https://x/install.sh` is run by
 *     `bash`"
 */
public record HiddenPayload(String reason) implements Operation {}
