/**
 * Shared kernel: the value objects both modules speak (ids, quantity, money). They hold no behaviour of either
 * module, so sharing them couples nothing but vocabulary.
 */
package dev.orderflow.shared;
