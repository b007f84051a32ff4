/**
 * Technical plumbing (DynamoDB clients and timing, HTTP error handling) that both business modules use. It is an
 * open module: it holds no business rules, so its sub-packages may be used directly, unlike those of
 * {@code order} and {@code inventory}.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.orderflow.platform;

import org.springframework.modulith.ApplicationModule;
