# No provider: this module only turns a monitor catalogue into monitor
# definitions that follow the team's conventions, so it can be evaluated (and
# tested) without Datadog credentials or the Datadog provider.
terraform {
  required_version = ">= 1.5"
}
