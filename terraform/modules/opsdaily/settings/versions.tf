terraform {
  # Validations that read other variables and locals arrived in Terraform 1.9.
  required_version = ">= 1.9"
}
