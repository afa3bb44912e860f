terraform {
  required_version = ">= 1.5"

  required_providers {
    datadog = {
      source  = "DataDog/datadog"
      version = "~> 3.0"
    }
  }

  # Partial configuration, like the application: -backend-config=backend.hcl
  # with its own key (e.g. opsdaily/datadog/terraform.tfstate).
  backend "s3" {}
}
