#!/usr/bin/env python3
"""A fake container credentials endpoint (ECS task role, EKS Pod Identity, CloudShell); see README.md.

    container_credentials_fake.py --port 0 --port-file FILE --path /v1/credentials \
        --access-key-id ASIA... --secret-access-key ... --session-token ... \
        [--role-arn arn:aws:iam::123456789012:role/opsdaily-task] [--expires-in 3600] \
        [--authorization-token T | --authorization-token-file FILE] [--missing-authorization-status 401]

A client finds it through AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:PORT/v1/credentials (with
AWS_CONTAINER_AUTHORIZATION_TOKEN or AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE when a token is required).
`GET <path>` answers {"AccessKeyId", "Expiration", "RoleArn", "SecretAccessKey", "Token"}.

Control routes: GET /_container/requests, POST /_container/faults, POST /_container/rotate,
POST /_container/reset.
"""

import argparse
import hmac
import sys

from credfake import (Answer, Credentials, CredentialHandler, add_credential_arguments, attach_common,
                      check_credential_arguments, iso)
from httpkit import add_server_arguments, serve

# An Authorization value (or token file) longer than this is refused without comparing.
MAX_AUTHORIZATION = 16 << 10
ERROR_CODES = {400: "InvalidRequest", 401: "Unauthorized", 403: "AccessDenied", 404: "NotFound",
               405: "MethodNotAllowed", 413: "RequestTooLarge", 429: "TooManyRequests",
               500: "InternalServerError", 503: "ServiceUnavailable"}


def error(status, message, headers=None):
    # The SDKs' documented error shape for this endpoint: {"code": ..., "message": ...}.
    code = ERROR_CODES.get(status, "ServerError" if status >= 500 else "ClientError")
    return Answer.json(status, {"code": code, "message": message}, headers)


class ExpectedToken:
    """The Authorization value a request must carry: fixed, re-read from a file each time, or none."""

    def __init__(self, token=None, token_file=None):
        self.token = token.encode("utf-8") if token is not None else None
        self.token_file = token_file

    @property
    def required(self):
        return self.token is not None or self.token_file is not None

    def current(self):
        """The expected bytes; OSError/ValueError when the token file cannot be used."""
        if self.token_file is None:
            return self.token
        with open(self.token_file, "rb") as handle:
            value = handle.read(MAX_AUTHORIZATION + 1)
        if len(value) > MAX_AUTHORIZATION:
            raise ValueError("token file too large")
        return value  # as-is, as the SDKs send it

    def secrets(self):
        try:
            value = self.current()
        except (OSError, ValueError):
            return set()
        return {value.decode("latin-1")} if value else set()


class ContainerHandler(CredentialHandler):
    server_version = "fake-container-credentials/1"
    control_prefix = "/_container/"

    def reply_error(self, status, message):
        self.send(error(status, message))

    def fault_answer(self, status):
        return error(status, "injected fault")

    def log_fields(self, query):
        return {"token_presented": self.headers.get("Authorization") is not None}

    def api(self, method, path, query):
        server = self.server
        if path != server.credentials_path or (server.credentials_query and query != server.credentials_query):
            return error(404, "not found")
        if method not in ("GET", "HEAD"):
            return error(405, "only GET", {"Allow": "GET, HEAD"})
        if server.expected.required:
            refusal = self.check_authorization(server)
            if refusal:
                return refusal
        values, _, expiration = server.credentials.current()
        return Answer.json(200, {"AccessKeyId": values["access_key_id"], "Expiration": iso(expiration),
                                 "RoleArn": values["role_arn"], "SecretAccessKey": values["secret_access_key"],
                                 "Token": values["session_token"]})

    def check_authorization(self, server):
        presented = self.headers.get("Authorization")
        if presented is None or presented == "":
            return error(server.missing_status, "Authorization header is missing")
        try:
            expected = server.expected.current()
        except (OSError, ValueError):
            return error(500, "the fake cannot read its authorization token file")
        raw = presented.encode("latin-1", "replace")
        if len(raw) > MAX_AUTHORIZATION or not expected or not hmac.compare_digest(raw, expected):
            return error(403, "Authorization header does not match")
        return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    add_credential_arguments(parser, "the Token field; may be empty")
    parser.add_argument("--path", default="/v1/credentials",
                        help="the credentials path (a query, if given, must match too)")
    parser.add_argument("--role-arn", default="arn:aws:iam::123456789012:role/opsdaily-task")
    tokens = parser.add_mutually_exclusive_group()
    tokens.add_argument("--authorization-token", help="requests must carry exactly this Authorization value")
    tokens.add_argument("--authorization-token-file",
                        help="...or exactly this file's content, re-read on every request (EKS rotates it)")
    parser.add_argument("--missing-authorization-status", type=int, choices=(400, 401, 403), default=401,
                        help="status when a required Authorization header is absent (the EKS Pod Identity "
                             "Agent answers 400)")
    args = parser.parse_args(argv)
    check_credential_arguments("container_credentials_fake", args)
    path, _, query = args.path.partition("?")
    if not path.startswith("/") or path.startswith(ContainerHandler.control_prefix) or len(args.path) > 1024:
        sys.exit("container_credentials_fake: --path looks like /v1/credentials (and not under /_container/)")
    if args.authorization_token is not None and not 0 < len(args.authorization_token) <= MAX_AUTHORIZATION:
        sys.exit("container_credentials_fake: --authorization-token must not be empty")
    if any(c in (args.authorization_token or "") for c in "\r\n\0"):
        sys.exit("container_credentials_fake: --authorization-token cannot be sent in a header")
    expected = ExpectedToken(args.authorization_token, args.authorization_token_file)
    credentials = Credentials({"access_key_id": args.access_key_id, "secret_access_key": args.secret_access_key,
                               "session_token": args.session_token, "role_arn": args.role_arn}, args.expires_in)

    def attach(server):
        attach_common(server, credentials, expected.secrets)
        server.credentials_path, server.credentials_query = path, query
        server.expected = expected
        server.missing_status = args.missing_authorization_status

    serve(ContainerHandler, args, attach)


if __name__ == "__main__":
    main()
