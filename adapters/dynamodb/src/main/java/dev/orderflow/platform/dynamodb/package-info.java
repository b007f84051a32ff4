/** DynamoDB plumbing both modules' adapters share: call timing, timestamp format, table creation. */
package dev.orderflow.platform.dynamodb;
