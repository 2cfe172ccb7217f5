/**
 * {@code airlock demo}: the seed's incident 3 replayed against the gateway. {@link
 * dev.airlock.gateway.demo.DemoWorld} starts the embedded shop, {@link
 * dev.airlock.gateway.demo.DemoScript} is what the agent does, and {@link
 * dev.airlock.gateway.demo.AgentSession} is the agent: the MCP SDK's own client talking to {@code
 * airlock mcp} as a child process.
 */
package dev.airlock.gateway.demo;
