/**
 * The approval console: a loopback web page over the store. Start at {@link
 * dev.airlock.gateway.console.Console} (server, sign-in, CSRF, headers); each page is one class
 * that renders escaped HTML ({@code PendingPage}, {@code RequestPage}, {@code AuditPage}).
 */
package dev.airlock.gateway.console;
