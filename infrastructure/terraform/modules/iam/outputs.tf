output "execution_role_arn" {
  description = "ARN of the task execution role (image pull, logs)."
  value       = aws_iam_role.execution.arn
}

output "gateway_task_role_arn" {
  description = "ARN of the order gateway's task role."
  value       = aws_iam_role.gateway_task.arn
}

output "processor_task_role_arn" {
  description = "ARN of the order processor's task role."
  value       = aws_iam_role.processor_task.arn
}

output "instance_profile_arn" {
  description = "ARN of the container instances' instance profile."
  value       = aws_iam_instance_profile.instance.arn
}

output "role_arns" {
  description = "Every role of this module, for the deploy role's iam:PassRole."
  value       = [aws_iam_role.execution.arn, aws_iam_role.gateway_task.arn, aws_iam_role.processor_task.arn, aws_iam_role.instance.arn]
}
