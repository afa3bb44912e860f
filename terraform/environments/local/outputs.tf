output "app" {
  description = "Every output of the module, for the tests."
  value       = module.opsdaily
}
