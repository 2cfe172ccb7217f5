package dev.airlock.gateway.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the console: whoever opens the login link (its token is printed once, at start)
 * gets a session cookie, and each session has its own CSRF token that every form must send
 * back. Tokens compare in constant time.
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_SESSIONS = 64;

  /** One browser's login. */
  record Session(String id, String csrf) {}

  private final String loginToken = token();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  String loginToken() {
    return loginToken;
  }

  /** A new session when the token is right. */
  Optional<Session> login(String token) {
    if (token == null || !same(token, loginToken)) {
      return Optional.empty();
    }
    if (sessions.size() >= MAX_SESSIONS) {
      // a console has a handful of reviewers; a flood of logins only evicts, never grows memory
      sessions.clear();
    }
    Session s = new Session(token(), token());
    sessions.put(s.id(), s);
    return Optional.of(s);
  }

  Optional<Session> find(String sessionId) {
    return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
  }

  void logout(String sessionId) {
    if (sessionId != null) {
      sessions.remove(sessionId);
    }
  }

  static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String token() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
