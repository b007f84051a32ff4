# tflint for every root and module (the terraform workflow runs tflint --recursive). Not run on the machine this
# project is developed on: the plugin is downloaded from GitHub.
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}

plugin "aws" {
  enabled = true
  version = "0.48.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}
