"""JSON on the hot path: the fast paths write what the plain ones write."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from luoshi import jsoncodec
from luoshi.pipeline import extract

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_jsoncodec_record_written_from_its_dataclasses_as_from_its_dict() -> None:
    texts = sorted(CORPUS.glob("*/*.txt"))
    assert texts
    for path in texts:
        record = extract(path.read_text(encoding="utf-8"))
        assert jsoncodec.dumps_record(record) == jsoncodec.dumps(record.to_dict()), path.name
        assert jsoncodec.loads(jsoncodec.dumps_record(record)) == record.to_dict()


@given(st.recursive(st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=20))
def test_jsoncodec_reads_back_what_it_writes_as_the_json_module_does(value: object) -> None:
    written = jsoncodec.dumps(value)
    assert jsoncodec.loads(written) == json.loads(written) == value
