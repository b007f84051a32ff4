/**
 * HTTP plumbing both modules' web adapters share: problem+json, strict JSON reading, request guards. It holds no
 * business rule of either module.
 */
package dev.orderflow.platform.web;
