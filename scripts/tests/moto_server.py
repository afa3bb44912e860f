"""moto_server, plus the Lambda settings Terraform reads back and SigV4 checking of REST GETs.

moto 5.2.1 accepts KMSKeyArn, LoggingConfig and DeadLetterConfig in
CreateFunction / UpdateFunctionConfiguration but never returns them from
GetFunction, so every plan after an apply would show them as changes. This
launcher remembers and returns them, as AWS does.

With auth on, moto 5.2.1 recomputes the signature of a request without a body
over its parsed query string as if it were the body, so every correctly signed
REST GET (EKS, Lambda, EFS, Backup, Route 53, CloudFront list calls) is refused
with SignatureDoesNotMatch, boto3's too. This launcher hashes the empty body
such a request really has.

moto's /moto-api/data.json answers 500 as soon as one model has a property
that raises (a seeded estate has several), and always dumps every service.
This launcher skips such attributes and takes ?service=NAME to dump one
service: how the extras fake looks up the credentials moto's STS issued.
Everything else is moto's.

Usage: python3 scripts/tests/moto_server.py -H 127.0.0.1 -p PORT
"""

import sys

from moto import server
from moto.awslambda import models

ECHOED = ("KMSKeyArn", "LoggingConfig", "DeadLetterConfig")


def _patch_lambda_function() -> None:
    cls = models.LambdaFunction
    create, describe, update = cls.__init__, cls.get_configuration, cls.update_configuration

    def __init__(self, account_id, spec, *args, **kwargs):
        create(self, account_id, spec, *args, **kwargs)
        self._echoed = {k: spec[k] for k in ECHOED if spec.get(k)}

    def get_configuration(self, *args, **kwargs):
        config = describe(self, *args, **kwargs)
        for key, value in getattr(self, "_echoed", {}).items():
            config.setdefault(key, value)  # a moto that returns it wins
        return config

    def update_configuration(self, config_updates):
        echoed = getattr(self, "_echoed", {})
        for key in ECHOED:
            if key in config_updates:
                value = config_updates[key]
                # An empty value (KMSKeyArn "", DeadLetterConfig {}) removes it.
                if value and value != {"TargetArn": ""}:
                    echoed[key] = value
                else:
                    echoed.pop(key, None)
        self._echoed = echoed
        return update(self, config_updates)

    cls.__init__ = __init__
    cls.get_configuration = get_configuration
    cls.update_configuration = update_configuration


def _patch_signature_of_bodiless_requests() -> None:
    from moto.iam import access_control

    create = access_control.IAMRequestBase._create_aws_request

    def _create_aws_request(self):
        request = create(self)
        if self._method in ("GET", "HEAD", "DELETE") and not self._body:
            # The signed payload of a request without a body is the empty string, whatever its query holds.
            # (A form POST's body reaches moto parsed, not raw: there moto's reading is right.)
            request.data = b""
        return request

    access_control.IAMRequestBase._create_aws_request = _create_aws_request


def _patch_model_data() -> None:
    import json
    from urllib.parse import parse_qs, urlparse

    from moto.moto_api._internal.responses import MotoAPIResponse

    def model_data(self, request, full_url, headers):
        from moto.core.model_instances import model_data as tracked

        wanted = parse_qs(urlparse(full_url).query).get("service")
        results = {}
        for service in sorted(tracked):
            if wanted and service not in wanted:
                continue
            results[service] = {}
            for name in sorted(tracked[service]):
                instances = []
                for instance in tracked[service][name].instances_tracked:
                    attributes = {}
                    for attribute in dir(instance):
                        if attribute.startswith("_"):
                            continue
                        try:
                            value = getattr(instance, attribute)
                            json.dumps(value)
                        except Exception:  # a property that cannot be read here is left out, as unserialisable ones are
                            continue
                        attributes[attribute] = value
                    instances.append(attributes)
                results[service][name] = instances
        return 200, {"Content-Type": "application/json"}, json.dumps(results)

    MotoAPIResponse.model_data = model_data


if __name__ == "__main__":
    _patch_lambda_function()
    _patch_signature_of_bodiless_requests()
    _patch_model_data()
    server.main(sys.argv[1:])
