"""The web API against its own OpenAPI description (schemathesis): no request it
describes, with any values its schema allows, makes the server fail (5xx), and every
answer has the declared content type and matches its declared schema.

Two checks are left out: an unknown id or name is answered 404, which the description
does not list (status_code_conformance), and a valid-looking id that names nothing is
not "accepted data" (positive_data_acceptance).

The app runs in-process (ASGI) on the web tests' fixture database: seed and generated
reports, and one report whose text holds markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from luoshi.web import create_app  # noqa: E402
from tests.web.conftest import web_db  # noqa: E402, F401  - the fixture database

pytestmark = pytest.mark.issue(8)
EXAMPLES = 30  # per operation
EXCLUDED = [schemathesis.checks.status_code_conformance,
            schemathesis.checks.positive_data_acceptance]


def test_api_answers_every_request_its_schema_allows(web_db: Path) -> None:  # noqa: F811
    # the operations are walked here rather than with schemathesis's pytest plugin, whose
    # lazy fixture schemas do not work with this pytest
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate(excluded_checks=EXCLUDED)

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # schemathesis: a FailureGroup
            raise AssertionError(f"{operation.method.upper()} {operation.path}: {exc}") from exc
