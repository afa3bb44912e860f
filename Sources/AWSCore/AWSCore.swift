// AWSCore: SigV4 signing, credentials, endpoints, transport and the DynamoDB, S3 and Secrets Manager clients.

