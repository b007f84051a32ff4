/**
 * How the outgoing ports of both modules report that a data store failed, in the two ways callers must tell apart:
 * nothing was written ({@link dev.orderflow.platform.store.StoreUnavailableException}), or a write's effect is
 * unknown ({@link dev.orderflow.platform.store.StoreOutcomeUnknownException}). Any other exception is a bug.
 */
package dev.orderflow.platform.store;
