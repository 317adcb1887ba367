"""The pipeline's shape: no field written by two steps, steps in a documented order."""

from luoshi import pipeline


def test_pipeline_no_field_written_by_two_steps() -> None:
    owners: dict[str, str] = {}
    for step in pipeline.STEPS:
        for field in step.writes:
            assert field not in owners, f"{field} written by {owners[field]} and {step.name}"
            owners[field] = step.name


def test_pipeline_docstring_lists_every_step_in_order() -> None:
    doc = pipeline.__doc__ or ""
    positions = [doc.find(f" {step.name} ") for step in pipeline.STEPS]
    assert all(p >= 0 for p in positions), "every step is named in the module docstring"
    assert positions == sorted(positions)


def test_pipeline_extract_returns_record_with_dict_form() -> None:
    record = pipeline.extract("On the 24th, the provincial government held a party group "
                              "meeting.", published="2022-10-25")
    data = record.to_dict()
    assert data["events"][0]["date"] == "2022-10-24"
    assert data["lang"] == "en"


def test_pipeline_warm_up_loads_what_extraction_loads_lazily() -> None:
    import sys

    from luoshi.pipeline import WARM_UP_TEXTS, extract, warm_up

    warm_up()
    assert "pypinyin" in sys.modules
    english, chinese = (extract(text, published="2022-10-25") for text in WARM_UP_TEXTS)
    assert english.events[0].people[0].name == "Zhang Xiaoming"
    assert chinese.events[0].people[0].name == "Zhang Xiaoming"  # read by pypinyin
