output "topic_arn" {
  description = "SNS topic every alarm and ECS failure event is sent to."
  value       = aws_sns_topic.alarms.arn
}
