#!/usr/bin/env bash
# Prints the image tag the environment's order-gateway service runs now, so that a plan or an apply that does not
# deploy a new image keeps the one deployed (ADR 0030). Fails on an environment that has never been deployed: the
# first apply names its image explicitly (workflow_dispatch with image_tag, or -var image_tag=... by hand).
set -euo pipefail
environment="$1"
cluster="orderflow-${environment}"

task_definition=$(aws ecs describe-services --cluster "$cluster" --services order-gateway \
  --query 'services[?status==`ACTIVE`].taskDefinition | [0]' --output text)
if [ -z "$task_definition" ] || [ "$task_definition" = "None" ]; then
  echo "no order-gateway service in $cluster yet: deploy a first image with an explicit image_tag" >&2
  exit 1
fi
image=$(aws ecs describe-task-definition --task-definition "$task_definition" \
  --query 'taskDefinition.containerDefinitions[0].image' --output text)
echo "${image##*:}"
