# The application against a local AWS (moto_server) for tests. Same module as
# the real environments; only the provider and the throw-away switches differ.

provider "aws" {
  region     = "ap-northeast-2"
  access_key = "test"
  secret_key = "test"

  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = false
  s3_use_path_style           = true

  endpoints {
    cloudwatch     = var.endpoint
    cloudwatchlogs = var.endpoint
    dynamodb       = var.endpoint
    iam            = var.endpoint
    kms            = var.endpoint
    lambda         = var.endpoint
    s3             = var.endpoint
    scheduler      = var.endpoint
    secretsmanager = var.endpoint
    sns            = var.endpoint
    sqs            = var.endpoint
    sts            = var.endpoint
  }
}

module "opsdaily" {
  source = "../../modules/opsdaily"

  name_prefix    = "opsdaily-local"
  tags           = { Service = "opsdaily", Environment = "local" }
  system_name    = "Argos"
  monitor_tags   = ["team:argos"]
  lambda_zip_dir = var.lambda_zip_dir

  # On here so that the tests apply and check the optional report signer too.
  report_signing_user = true

  # The first apply of a real environment: schedules off, alarms to e-mail.
  schedules_enabled     = var.schedules_enabled
  alarm_emails          = var.alarm_emails
  webhook_silence_hours = var.webhook_silence_hours

  # Throw-away environment: allow `terraform destroy` to finish at once.
  deletion_protection         = false
  secret_recovery_window_days = 0
  kms_deletion_window_days    = 7
}
