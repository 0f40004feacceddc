"""schemathesis against the API's own OpenAPI description, on a live server: no request it makes up
gets a server error, and every answer has the shape the description says. Bounded (a few examples per
operation) so that it runs in about a minute."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from doingoai.serve import ServeSettings
from tests.serve.conftest import build_kb, start


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    folder: Path = tmp_path_factory.mktemp("schemathesis")
    db = str(folder / "kb.sqlite")
    build_kb(db, folder / "pages")
    server = start(ServeSettings(db=db))
    try:
        yield schemathesis.openapi.from_url(f"{server.url}/api/v1/openapi.json")
    finally:
        server.stop()
        server.app.app.state.engine.dispose()  # type: ignore[attr-defined]


def test_no_request_gets_a_server_error(api_schema: schemathesis.BaseSchema) -> None:
    # each operation's strategy driven by Hypothesis here (schemathesis' pytest plugin does not load on this
    # pytest): no server error, and every answer of the shape the description gives (status-code checks would
    # flag the 404 answers, documented in prose)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()
