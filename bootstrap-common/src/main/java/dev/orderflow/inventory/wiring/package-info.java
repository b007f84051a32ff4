/**
 * How the inventory module is wired wherever it runs (the processor, or the gateway in monolith mode). Spring
 * configuration, not the module's API: it is exposed to the deployments' assembly as a named interface only.
 */
@NamedInterface("wiring")
package dev.orderflow.inventory.wiring;

import org.springframework.modulith.NamedInterface;
