#!/usr/bin/env python3
"""A fake EC2 instance metadata service (IMDSv2) serving one role's credentials; see README.md.

    imds_fake.py --port 0 --port-file FILE --role opsdaily-instance --region eu-west-1 \
        --access-key-id ASIA... --secret-access-key ... --session-token ... [--expires-in 3600] [--allow-v1]

Point a client at it with AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:PORT.

    PUT  /latest/api/token                            X-aws-ec2-metadata-token-ttl-seconds: 1..21600
    GET  /latest/meta-data/iam/security-credentials/  the role name       (X-aws-ec2-metadata-token)
    GET  /latest/meta-data/iam/security-credentials/<role>   the credentials document (JSON as text)
    GET  /latest/meta-data/placement/region

Control routes (no token): GET /_imds/requests, POST /_imds/faults, POST /_imds/rotate, POST /_imds/reset.
"""

import argparse
import json
import re
import secrets
import sys
import threading
import time
from collections import OrderedDict

from credfake import (Answer, Credentials, CredentialHandler, add_credential_arguments, attach_common,
                      check_credential_arguments, clip, iso)
from httpkit import add_server_arguments, serve

TOKEN_PATH = "/latest/api/token"
TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds"
TOKEN_HEADER = "X-aws-ec2-metadata-token"
MAX_TTL = 21600
# Tokens alive at once; past this the oldest is forgotten (the real service names no limit).
MAX_TOKENS = 10_000
# A token header longer than this cannot be one the fake issued.
MAX_TOKEN_LENGTH = 4096
CREDENTIALS_PREFIX = "/latest/meta-data/iam/security-credentials"
TTL_VALUE = re.compile(r"[0-9]{1,16}")
VERSIONED_TOKEN = re.compile(r"/[^/]+/api/token/?")
ROLE_NAME = re.compile(r"[\w+=,.@-]{1,64}")
REGION = re.compile(r"[a-z]{2}(-[a-z]+)+-[0-9]{1,2}")
REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 413: "Request Entity Too Large", 429: "Too Many Requests",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
           504: "Gateway Timeout"}


def error_page(status, headers=None):
    """The small XHTML page the real IMDS answers errors with."""
    title = f"{status} - {REASONS.get(status, 'Error')}"
    body = ('<?xml version="1.0" encoding="iso-8859-1"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n'
            '\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n'
            f' <head>\n  <title>{title}</title>\n </head>\n <body>\n  <h1>{title}</h1>\n </body>\n</html>\n')
    return Answer(status, body, "text/html", headers)


def text(value):
    return Answer(200, value, "text/plain")


class Tokens:
    """Session tokens issued by PUT /latest/api/token and when each stops working."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._expiry = OrderedDict()

    def issue(self, ttl):
        token = secrets.token_urlsafe(42)
        with self._lock:
            now = self._clock()
            for old in [t for t, expiry in self._expiry.items() if expiry <= now]:
                del self._expiry[old]
            while len(self._expiry) >= MAX_TOKENS:
                self._expiry.popitem(last=False)
            self._expiry[token] = now + ttl
        return token

    def valid(self, token):
        with self._lock:
            expiry = self._expiry.get(token)
            return expiry is not None and expiry > self._clock()

    def values(self):
        with self._lock:
            return set(self._expiry)

    def clear(self):
        with self._lock:
            self._expiry.clear()


class ImdsHandler(CredentialHandler):
    server_version = "EC2ws"
    control_prefix = "/_imds/"

    def reply_error(self, status, message):
        self.send(error_page(status))

    def fault_answer(self, status):
        return error_page(status)

    def log_fields(self, query):
        fields = {"token_presented": self.headers.get(TOKEN_HEADER) is not None}
        ttl = self.headers.get(TTL_HEADER)
        if ttl is not None:
            fields["ttl"] = clip(ttl, 32)
        return fields

    def reset_state(self):
        super().reset_state()
        self.server.tokens.clear()

    # --- the metadata service --------------------------------------------------------------

    def api(self, method, path, query):
        if path == TOKEN_PATH:
            return self.token(method)
        if method == "PUT":
            # Documented: a PUT for a token on a version-specific path is refused with 403.
            return error_page(403 if VERSIONED_TOKEN.fullmatch(path) else 405)
        if method not in ("GET", "HEAD"):
            return error_page(405, {"Allow": "GET, HEAD, PUT"})
        presented = self.headers.get(TOKEN_HEADER)
        if presented is None:
            if not self.server.allow_v1:
                return error_page(401)
        elif len(presented) > MAX_TOKEN_LENGTH or not self.server.tokens.valid(presented):
            return error_page(401)
        return self.metadata(path)

    def token(self, method):
        if method != "PUT":
            return error_page(405, {"Allow": "PUT"})
        if self.headers.get("X-Forwarded-For") is not None:
            # Documented: PUT requests that carry X-Forwarded-For are rejected.
            return error_page(403)
        raw = self.headers.get(TTL_HEADER)
        if raw is None or not TTL_VALUE.fullmatch(raw.strip()):
            return error_page(400)
        ttl = int(raw)
        if not 1 <= ttl <= MAX_TTL:
            return error_page(400)
        token = self.server.tokens.issue(ttl)
        return Answer(200, token, "text/plain", {TTL_HEADER: ttl})

    def metadata(self, path):
        server = self.server
        values, updated, expiration = server.credentials.current()
        if path in (CREDENTIALS_PREFIX, CREDENTIALS_PREFIX + "/"):
            return text(server.role)
        if path.startswith(CREDENTIALS_PREFIX + "/"):
            if path[len(CREDENTIALS_PREFIX) + 1:].rstrip("/") != server.role:
                return error_page(404)
            document = {"Code": "Success", "LastUpdated": iso(updated), "Type": "AWS-HMAC",
                        "AccessKeyId": values["access_key_id"], "SecretAccessKey": values["secret_access_key"],
                        "Token": values["session_token"], "Expiration": iso(expiration)}
            return text(json.dumps(document, indent=2))
        listing = {"/latest/meta-data/": "iam/\nplacement/", "/latest/meta-data/iam/": "security-credentials/",
                   "/latest/meta-data/placement/": "region", "/latest/meta-data/placement/region": server.region}
        value = listing.get(path, listing.get(path + "/"))
        return text(value) if value is not None else error_page(404)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_server_arguments(parser)
    add_credential_arguments(parser, "the Token field; may be empty, and is served exactly as given")
    parser.add_argument("--role", default="opsdaily-instance", help="the instance profile's role name")
    parser.add_argument("--region", default="eu-west-1")
    parser.add_argument("--allow-v1", action="store_true",
                        help="serve GETs that carry no token (IMDSv1); a wrong token is still a 401")
    args = parser.parse_args(argv)
    check_credential_arguments("imds_fake", args)
    if not ROLE_NAME.fullmatch(args.role):
        sys.exit("imds_fake: --role must be an IAM role name ([A-Za-z0-9+=,.@_-], 1..64)")
    if not REGION.fullmatch(args.region):
        sys.exit("imds_fake: --region looks like eu-west-1")
    credentials = Credentials({"access_key_id": args.access_key_id, "secret_access_key": args.secret_access_key,
                               "session_token": args.session_token}, args.expires_in)
    tokens = Tokens()

    def attach(server):
        attach_common(server, credentials, tokens.values)
        server.tokens = tokens
        server.role = args.role
        server.region = args.region
        server.allow_v1 = args.allow_v1

    serve(ImdsHandler, args, attach)


if __name__ == "__main__":
    main()
