/**
 * The gateway as an MCP server over stdio. Start at {@link
 * dev.airlock.gateway.mcp.McpGatewayServer}: it puts {@code JsonRpcGuard} in front of the official
 * SDK's stdio transport (so bad input never ends the session) and registers the six tools of
 * {@code GatewayTools}, each a thin call into {@link dev.airlock.gateway.Gateway}.
 */
package dev.airlock.gateway.mcp;
