package dev.orderflow.order.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * An order as stored in the {@code orders} table. {@code pending_shard} exists only while the order is pending,
 * which makes the {@code pending-orders} index sparse: it holds exactly the orders the recovery step must look at.
 */
@DynamoDbBean
public class OrderItem {

    static final String PENDING_INDEX = "pending-orders";
    static final String PENDING_SHARD = "pending";

    private String orderId;
    private String productId;
    private Integer quantity;
    private String customerId;
    private String status;
    private Long totalPrice;
    private String processedAt;
    private String rejectionReason;
    private String createdAt;
    private String idempotencyKeyHash;
    private String pendingShard;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("order_id")
    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    @DynamoDbAttribute("product_id")
    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    @DynamoDbAttribute("quantity")
    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    @DynamoDbAttribute("customer_id")
    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    @DynamoDbAttribute("status")
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    @DynamoDbAttribute("total_price")
    public Long getTotalPrice() {
        return totalPrice;
    }

    public void setTotalPrice(Long totalPrice) {
        this.totalPrice = totalPrice;
    }

    @DynamoDbAttribute("processed_at")
    public String getProcessedAt() {
        return processedAt;
    }

    public void setProcessedAt(String processedAt) {
        this.processedAt = processedAt;
    }

    @DynamoDbAttribute("rejection_reason")
    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    @DynamoDbSecondarySortKey(indexNames = PENDING_INDEX)
    @DynamoDbAttribute("created_at")
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute("idempotency_key_hash")
    public String getIdempotencyKeyHash() {
        return idempotencyKeyHash;
    }

    public void setIdempotencyKeyHash(String idempotencyKeyHash) {
        this.idempotencyKeyHash = idempotencyKeyHash;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = PENDING_INDEX)
    @DynamoDbAttribute("pending_shard")
    public String getPendingShard() {
        return pendingShard;
    }

    public void setPendingShard(String pendingShard) {
        this.pendingShard = pendingShard;
    }
}
