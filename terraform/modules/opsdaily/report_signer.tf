# The optional signer of report links (SPEC §10, variable report_signing_user).
# A pre-signed link dies with the credentials that signed it, and the functions'
# role credentials last hours; a long-lived access key of a user that can do
# nothing but read reports signs links that live report_url_ttl_seconds.
# Terraform creates the user, its group and the empty secret; the operator
# creates the access key and stores it in the secret (terraform/README.md), so
# the key never passes through Terraform state.

resource "aws_iam_user" "report_signer" {
  #checkov:skip=CKV_AWS_273:Not a person: a pre-signed link is only as long-lived as its signer's credentials, and neither SSO nor a role gives credentials that outlive the 12 h a link must work. The user can only read report objects (group policy below), and has no console password.
  count = var.report_signing_user ? 1 : 0

  name = "${var.name_prefix}-report-signer"
  path = "/opsdaily/"
  tags = var.tags
}

resource "aws_iam_group" "report_readers" {
  count = var.report_signing_user ? 1 : 0

  name = "${var.name_prefix}-report-readers"
  path = "/opsdaily/"
}

resource "aws_iam_group_policy" "report_readers" {
  count = var.report_signing_user ? 1 : 0

  name   = "read-reports"
  group  = aws_iam_group.report_readers[0].name
  policy = data.aws_iam_policy_document.report_readers.json
}

resource "aws_iam_user_group_membership" "report_signer" {
  count = var.report_signing_user ? 1 : 0

  user   = aws_iam_user.report_signer[0].name
  groups = [aws_iam_group.report_readers[0].name]
}

# What a link signed by the key can do: GET a report of either kind (objects
# are encrypted with the application key, so S3 decrypts with it on the
# reader's behalf).
data "aws_iam_policy_document" "report_readers" {
  statement {
    sid       = "ReadReports"
    actions   = ["s3:GetObject"]
    resources = values(local.report_objects_arns)
  }

  statement {
    sid       = "DecryptReportsViaS3"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }
}
