#!/usr/bin/env bash
# The offline tools terraform-tests needs: HashiCorp's HCL parser and action-validator (both WebAssembly) and the AWS
# provider's schema (@cdktf/provider-aws), pinned by terraform-tests/tools/package-lock.json. Safe to run again:
# npm ci replaces node_modules with exactly what the lockfile says (from npm's cache after the first time).
set -euo pipefail
cd "$(dirname "$0")/../../terraform-tests/tools"

# CI machines bring Node 20 and npm; where they do not, Debian's (Node 18) runs these tools as well.
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
npm ci --prefer-offline --no-audit --no-fund --loglevel=error

if [ -x /usr/local/bin/terraform ]; then
  TF_CLI_CONFIG_FILE=/dev/null /usr/local/bin/terraform version | sed -n 1p
else
  echo "NOTE: /usr/local/bin/terraform is absent: TerraformFormatTest will skip terraform fmt -check" >&2
fi
