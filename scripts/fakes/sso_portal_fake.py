#!/usr/bin/env python3
"""A fake IAM Identity Center (SSO) portal answering GetRoleCredentials; see README.md.

    sso_portal_fake.py --port 0 --port-file FILE --token ACCESS_TOKEN [--token ...] \
        --grant 123456789012:OpsDailyReadOnly [--grant ...] \
        --access-key-id ASIA... --secret-access-key ... --session-token ... [--expires-in 3600] \
        [--token-expires-in SECONDS]

Point a client at it with the SSO endpoint URL http://127.0.0.1:PORT (e.g. AWS_ENDPOINT_URL_SSO).

    GET /federation/credentials?role_name=R&account_id=A    x-amz-sso_bearer_token: ACCESS_TOKEN
      200 {"roleCredentials": {"accessKeyId", "secretAccessKey", "sessionToken", "expiration"}}
      errors: x-amzn-ErrorType header + {"message": ...} (REST-JSON)

Control routes: GET /_sso/requests, POST /_sso/faults, POST /_sso/rotate, POST /_sso/tokens, POST /_sso/reset.
"""

import argparse
import re
import sys
import threading
import time
import uuid
from urllib.parse import parse_qs

from credfake import (Answer, ControlError, Credentials, CredentialHandler, MAX_LIFETIME,
                      add_credential_arguments, attach_common, check_credential_arguments, clip,
                      parse_json_body)
from httpkit import add_server_arguments, serve

OPERATION_PATH = "/federation/credentials"
TOKEN_HEADER = "x-amz-sso_bearer_token"
MAX_TOKENS = 1000
MAX_TOKEN_LENGTH = 8192
MAX_PARAMETER_LENGTH = 256
MAX_QUERY_FIELDS = 32
ACCOUNT_ID = re.compile(r"[0-9]{12}")
ROLE_NAME = re.compile(r"[\w+=,.@-]{1,64}")
# Error shape names by status: those GetRoleCredentials models, then what the service is seen to answer.
ERROR_TYPES = {400: "InvalidRequestException", 401: "UnauthorizedException", 403: "ForbiddenException",
               404: "ResourceNotFoundException", 405: "MethodNotAllowedException",
               413: "RequestEntityTooLargeException", 429: "TooManyRequestsException",
               500: "InternalFailure", 503: "ServiceUnavailable"}
UNAUTHORIZED = "Session token not found or invalid"


def service_error(status, message, error_type=None):
    error_type = error_type or ERROR_TYPES.get(status, "InternalFailure" if status >= 500 else "ClientException")
    return Answer.json(status, {"message": message}, {"x-amzn-ErrorType": error_type,
                                                      "x-amzn-RequestId": str(uuid.uuid4())})


class BearerTokens:
    """Access tokens the portal accepts, each with an optional expiry (monotonic seconds)."""

    def __init__(self, tokens, expires_in, clock=time.monotonic):
        self._initial = list(dict.fromkeys(tokens))
        self._initial_lifetime = expires_in
        self._clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        with self._lock:
            expiry = self._clock() + self._initial_lifetime if self._initial_lifetime else None
            self._expiry = {token: expiry for token in self._initial}

    def set(self, document):
        if not isinstance(document, dict) or set(document) - {"token", "expires_in"} or "token" not in document:
            raise ControlError('expected {"token": "...", "expires_in": seconds or null}')
        token, expires_in = document["token"], document.get("expires_in")
        if not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_LENGTH or not token.isprintable():
            raise ControlError(f"token: expected printable text of 1..{MAX_TOKEN_LENGTH} characters")
        if expires_in is not None and (type(expires_in) is not int or not 0 <= expires_in <= MAX_LIFETIME):
            raise ControlError(f"expires_in: expected whole seconds 0..{MAX_LIFETIME} or null")
        with self._lock:
            if token not in self._expiry and len(self._expiry) >= MAX_TOKENS:
                raise ControlError(f"at most {MAX_TOKENS} tokens")
            self._expiry[token] = None if expires_in is None else self._clock() + expires_in
            return {"tokens": len(self._expiry)}

    def valid(self, token):
        with self._lock:
            if token not in self._expiry:
                return False
            expiry = self._expiry[token]
            return expiry is None or expiry > self._clock()

    def values(self):
        with self._lock:
            return set(self._expiry)


class SsoHandler(CredentialHandler):
    server_version = "fake-sso-portal/1"
    control_prefix = "/_sso/"

    def reply_error(self, status, message):
        self.send(service_error(status, message))

    def fault_answer(self, status):
        message = "Too many requests" if status == 429 else "injected fault"
        return service_error(status, message)

    def log_fields(self, query):
        fields = {"token_presented": self.headers.get(TOKEN_HEADER) is not None}
        try:
            parsed = parse_qs(query, max_num_fields=MAX_QUERY_FIELDS)
        except ValueError:
            return fields
        for name in ("role_name", "account_id"):
            if name in parsed:
                fields[name] = clip(parsed[name][0], MAX_PARAMETER_LENGTH)
        return fields

    def reset_state(self):
        super().reset_state()
        self.server.bearer_tokens.reset()

    def extra_control(self, method, name):
        if (method, name) != ("POST", "tokens"):
            return False
        self.reply_json(200, self.server.bearer_tokens.set(parse_json_body(self.body)))
        return True

    def knows_control(self, name):
        return name == "tokens"

    def api(self, method, path, query):
        if path != OPERATION_PATH:
            return service_error(404, "Unknown operation", "UnknownOperationException")
        if method not in ("GET", "HEAD"):
            return service_error(405, "Method not allowed")
        try:
            parsed = parse_qs(query, max_num_fields=MAX_QUERY_FIELDS)
        except ValueError:
            return service_error(400, "Too many query parameters")
        role_name, account_id = parsed.get("role_name", [""])[0], parsed.get("account_id", [""])[0]
        for name, value in (("role_name", role_name), ("account_id", account_id)):
            if not value:
                return service_error(400, f"{name} is required")
            if len(value) > MAX_PARAMETER_LENGTH:
                return service_error(400, f"{name} is out of range")
        token = self.headers.get(TOKEN_HEADER)
        if not token or len(token) > MAX_TOKEN_LENGTH or not self.server.bearer_tokens.valid(token):
            return service_error(401, UNAUTHORIZED)
        if (account_id, role_name) not in self.server.grants:
            return service_error(403, "No access")
        values, _, expiration = self.server.credentials.current()
        document = {"roleCredentials": {"accessKeyId": values["access_key_id"],
                                        "secretAccessKey": values["secret_access_key"],
                                        "sessionToken": values["session_token"],
                                        "expiration": int(expiration * 1000)}}
        return Answer.json(200, document, {"x-amzn-RequestId": str(uuid.uuid4())})


def parse_grant(text):
    account, _, role = text.partition(":")
    if not ACCOUNT_ID.fullmatch(account) or not ROLE_NAME.fullmatch(role):
        raise argparse.ArgumentTypeError(f"expected ACCOUNT:ROLE such as 123456789012:OpsDailyReadOnly, not {text!r}")
    return account, role


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    add_credential_arguments(parser, "the sessionToken field; may be empty")
    parser.add_argument("--token", action="append", required=True, help="an access token accepted (repeatable)")
    parser.add_argument("--grant", action="append", type=parse_grant, required=True,
                        help="ACCOUNT:ROLE the token holder may get credentials for (repeatable)")
    parser.add_argument("--token-expires-in", type=int, default=0,
                        help="the --token tokens stop working this many seconds after start-up or reset "
                             "(default 0: never)")
    args = parser.parse_args(argv)
    check_credential_arguments("sso_portal_fake", args)
    if not 0 <= args.token_expires_in <= MAX_LIFETIME:
        sys.exit(f"sso_portal_fake: --token-expires-in must be 0..{MAX_LIFETIME}")
    if any(not 0 < len(token) <= MAX_TOKEN_LENGTH or not token.isprintable() for token in args.token):
        sys.exit("sso_portal_fake: a --token is printable text of at most 8192 characters")
    credentials = Credentials({"access_key_id": args.access_key_id, "secret_access_key": args.secret_access_key,
                               "session_token": args.session_token}, args.expires_in)
    bearer_tokens = BearerTokens(args.token, args.token_expires_in)

    def attach(server):
        attach_common(server, credentials, bearer_tokens.values)
        server.bearer_tokens = bearer_tokens
        server.grants = set(args.grant)

    serve(SsoHandler, args, attach)


if __name__ == "__main__":
    main()
