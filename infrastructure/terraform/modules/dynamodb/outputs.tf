output "table_names" {
  description = "Table names by role: orders, inventory, reservations."
  value       = { for role, table in aws_dynamodb_table.this : role => table.name }
}

output "table_arns" {
  description = "Table ARNs by role: orders, inventory, reservations."
  value       = { for role, table in aws_dynamodb_table.this : role => table.arn }
}

output "pending_orders_index_arn" {
  description = "ARN of the orders table's pending-orders index, which the gateway's recovery step queries."
  value       = "${aws_dynamodb_table.this["orders"].arn}/index/pending-orders"
}
