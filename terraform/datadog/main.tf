# Credentials come from the environment (DD_API_KEY, DD_APP_KEY), never from
# variables or state.
provider "datadog" {
  api_url = "https://api.${var.datadog_site}/"
}
