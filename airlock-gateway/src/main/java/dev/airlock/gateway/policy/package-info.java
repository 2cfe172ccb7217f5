/**
 * The gateway's policy decisions: {@link dev.airlock.gateway.policy.Judge} applies one identity's
 * rules (core's {@link dev.airlock.core.policy.GatewayPolicy}) to a statement's kind, tables,
 * findings and rows, answering allow, ask or deny with a reason.
 */
package dev.airlock.gateway.policy;
