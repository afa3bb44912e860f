# The webhook Datadog calls on every monitor state change. The payload template
# is the contract with collection (flat snake_case keys, every value a string).
resource "datadog_webhook" "collection" {
  name           = var.webhook_name
  url            = var.collection_url
  encode_as      = "json"
  payload        = file("${path.module}/webhook-payload.json")
  custom_headers = jsonencode({ (var.token_header) = var.webhook_token })
}
