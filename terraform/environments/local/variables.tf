variable "endpoint" {
  description = "Base URL of the local AWS endpoint (moto_server), e.g. http://127.0.0.1:5000."
  type        = string

  validation {
    condition     = can(regex("^http://(127\\.[0-9.]+|localhost|\\[::1\\]):[0-9]+$", var.endpoint))
    error_message = "endpoint must be a loopback http URL with a port: this root never talks to real AWS."
  }
}

variable "lambda_zip_dir" {
  description = "Directory of the function zips; null means build/lambda at the repository root."
  type        = string
  default     = null
}
