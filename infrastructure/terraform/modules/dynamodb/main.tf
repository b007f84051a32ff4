# Keys and the pending-orders index exactly as OrderTable.definition and InventoryTables.definitions in
# adapters/dynamodb declare them; a test in terraform-tests compares the two.
locals {
  provisioned = var.capacity != null

  tables = {
    orders = {
      hash_key   = "order_id"
      attributes = { order_id = "S", pending_shard = "S", created_at = "S" }
      # Sparse: only pending orders carry pending_shard, so the recovery step reads just those.
      indexes = {
        "pending-orders" = { hash_key = "pending_shard", range_key = "created_at", projection_type = "ALL" }
      }
    }
    inventory = {
      hash_key   = "product_id"
      attributes = { product_id = "S" }
      indexes    = {}
    }
    reservations = {
      hash_key   = "order_id"
      attributes = { order_id = "S" }
      indexes    = {}
    }
  }
}

resource "aws_dynamodb_table" "this" {
  for_each = local.tables

  name                        = "${var.name_prefix}-${each.key}"
  billing_mode                = local.provisioned ? "PROVISIONED" : "PAY_PER_REQUEST"
  read_capacity               = local.provisioned ? var.capacity[each.key].min_read : null
  write_capacity              = local.provisioned ? var.capacity[each.key].min_write : null
  hash_key                    = each.value.hash_key
  deletion_protection_enabled = var.deletion_protection

  dynamic "attribute" {
    for_each = each.value.attributes

    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.indexes

    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = global_secondary_index.value.projection_type
      read_capacity   = local.provisioned ? var.capacity[global_secondary_index.key].min_read : null
      write_capacity  = local.provisioned ? var.capacity[global_secondary_index.key].min_write : null
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  # Autoscaling moves the provisioned capacity; Terraform only sets where it starts. Ignoring the index block
  # also hides a change of its keys: such a change is a new index, made by hand (docs/aws.md).
  lifecycle {
    ignore_changes = [read_capacity, write_capacity, global_secondary_index]
  }
}
