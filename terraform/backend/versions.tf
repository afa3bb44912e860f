terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # This stack creates the state backend, so it starts with local state
  # (git-ignored). terraform/README.md shows how to move it into the bucket
  # it created once it exists.
}
