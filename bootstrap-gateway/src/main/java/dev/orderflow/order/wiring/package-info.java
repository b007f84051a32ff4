/**
 * How the order module is wired in the gateway: its beans, its settings, its recovery schedule. Spring configuration,
 * not the module's API: it is exposed to the gateway's assembly (monolith mode, table bootstrap) as a named interface
 * only.
 */
@NamedInterface("wiring")
package dev.orderflow.order.wiring;

import org.springframework.modulith.NamedInterface;
