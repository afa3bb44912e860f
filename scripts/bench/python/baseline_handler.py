"""The 2023 functions' shape for the runtime benchmark: a module that imports boto3 at load time, under
the reference Python runtime interface client (awslambdaric), with a handler that does nothing."""
import json  # noqa: F401  (every 2023 function imported it at module level)

import boto3  # noqa: F401


def handler(event, context):
    return None
