terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # Local state; scripts/terraform-check.sh passes a fresh temporary path with
  # -backend-config="path=..." so repeated runs never share state.
  backend "local" {}
}
