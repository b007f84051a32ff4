/**
 * The inventory module's published API: the only types of this module that the order module may use
 * (checked by Spring Modulith). Everything in sub-packages is internal to the module.
 */
package dev.orderflow.inventory;
