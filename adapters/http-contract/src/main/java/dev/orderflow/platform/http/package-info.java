/** The HTTP API's wire vocabulary that the serving and the calling adapters share (docs/design.md). */
package dev.orderflow.platform.http;
