"""Every page and API endpoint on the fixture database; escaping, 404 and 422."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from luoshi.web.highlight import facts_of, segments
from tests.web.conftest import EVIL_ID

pytestmark = pytest.mark.issue(6)
SEED = "000_e6c10bac250a8048"  # Zhejiang government party group on cpc-20, Wang Hao spoke


def api(client: TestClient, url: str) -> dict:  # type: ignore[type-arg]
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()  # type: ignore[no-any-return]


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


# -- overview -----------------------------------------------------------------------------

def test_overview_counts_latest_meetings_and_top_directives(client: TestClient) -> None:
    data = api(client, "/api/overview")
    assert data["counts"]["documents"] >= 300
    assert 0 < data["counts"]["meetings"] <= data["counts"]["events"]
    assert len(data["latest_meetings"]) == 20
    dates = [m["date"] for m in data["latest_meetings"]]
    assert dates == sorted(dates, reverse=True)
    top = data["top_directives"]
    assert top and [d["meetings"] for d in top] == sorted((d["meetings"] for d in top),
                                                          reverse=True)
    html = page(client, "/")
    assert f'href="/directive/{top[0]["directive_id"]}"' in html
    assert f"{data['counts']['documents']:,}" in html
    assert 'href="/tifa/' in html and 'href="/doc/' in html


# -- directive ----------------------------------------------------------------------------

def test_directive_api_cascade(client: TestClient, needs_seeds: None) -> None:
    data = api(client, "/api/directive/cpc-20")
    assert data["directive"]["id"] == "cpc-20"
    assert data["directive"]["date_end"] == "2022-10-22"
    assert data["meetings"] == sum(t["meetings"] for t in data["timeline"]) + sum(
        1 for r in data["responders"] if r["date"] is None)
    lags = [r["lag_days"] for r in data["responders"] if r["lag_days"] is not None]
    assert lags == sorted(lags)
    assert {2, 33} <= set(lags)  # Zhejiang two days after, Heilongjiang 33
    levels = [row["level"] for row in data["by_level"]]
    assert levels[0] == "province" and "city" in levels
    everyone = api(client, "/api/directive/cpc-20?limit=2000")["responders"]
    assert len(everyone) == data["meetings"]
    assert sum(b["meetings"] for b in data["lag_bins"]) == sum(
        1 for r in everyone if r["lag_days"] is not None)
    assert sum(b["meetings"] for b in data["echo_bins"]) == sum(
        1 for r in everyone if r["echo"] is not None)
    assert "Zhejiang" not in data["provinces_not_seen"]
    assert "Heilongjiang" not in data["provinces_not_seen"]
    assert "Hong Kong" not in data["provinces_not_seen"]


def test_directive_by_chinese_name_and_label(client: TestClient) -> None:
    assert api(client, "/api/directive/" + quote("党的二十大"))["directive"]["id"] == "cpc-20"
    assert api(client, "/api/directive/CPC-20")["directive"]["id"] == "cpc-20"


def test_directive_responders_sort_and_limit(client: TestClient) -> None:
    data = api(client, "/api/directive/cpc-20?sort=date&order=desc&limit=3")
    assert len(data["responders"]) == 3
    dates = [r["date"] for r in data["responders"]]
    assert dates == sorted(dates, reverse=True)
    by_place = api(client, "/api/directive/cpc-20?sort=jurisdiction")["responders"]
    names = [r["jurisdiction"] for r in by_place if r["jurisdiction"]]
    assert names == sorted(names)


def test_directive_page_has_charts_tables_and_links(client: TestClient) -> None:
    html = page(client, "/directive/cpc-20")
    for chart in ("timeline", "lags", "fidelity"):
        assert f'id="chart-{chart}"' in html
        assert f'id="chart-data-{chart}"' in html
    assert '<script src="/vendor/plotly.min.js"></script>' in html
    assert 'id="responders"' in html and 'id="by-level"' in html and 'id="not-seen"' in html
    assert "?sort=lag&amp;order=desc" in html  # the lag column sorts the other way next
    assert 'href="/doc/' in html and 'href="/place/' in html
    assert "http://" not in html.replace('"http://www.w3.org', "")  # nothing from the network
    assert "https://" not in html


def test_directive_page_sorted_by_lag_descending(client: TestClient) -> None:
    html = page(client, "/directive/cpc-20?sort=lag&order=desc")
    assert "sorted by lag (descending)" in html
    assert "lag (days) ▼" in html


# -- formulation --------------------------------------------------------------------------

def test_tifa_api_and_page(client: TestClient) -> None:
    top = api(client, "/api/overview")["top_formulations"][0]["zh"]
    data = api(client, "/api/tifa/" + quote(top))
    assert data["formulation"]["zh"] == top
    assert data["meetings"] == sum(r["meetings"] for r in data["by_province"])
    assert sum(r["meetings"] for r in data["by_month"]) <= data["meetings"]
    assert 0 < len(data["reports"]) <= 50
    html = page(client, "/tifa/" + quote(top))
    assert 'id="chart-months"' in html and 'id="chart-provinces"' in html
    assert top in html


def test_tifa_by_english_wording(client: TestClient) -> None:
    data = api(client, "/api/tifa/" + quote("Two Establishments"))
    assert data["formulation"]["zh"] == "两个确立"


# -- person and place ---------------------------------------------------------------------

def test_person_api_and_page(client: TestClient, needs_seeds: None) -> None:
    data = api(client, "/api/person/xu-qin-heilongjiang")
    assert data["person"]["name"] == "Xu Qin"
    assert data["meetings_total"] >= 1
    meeting = next(m for m in data["meetings"] if m["doc_id"] == "004_dad69352dbed2d73")
    assert meeting["role"] == "spoke" and "cpc-20" in meeting["directives"]
    html = page(client, "/person/xu-qin-heilongjiang")
    assert 'id="chart-posts"' in html and 'href="/doc/004_dad69352dbed2d73"' in html
    assert 'href="/directive/cpc-20"' in html


def test_place_api_and_page(client: TestClient, needs_seeds: None) -> None:
    data = api(client, "/api/place/Zhejiang")
    assert data["place"]["name"] == "Zhejiang" and data["place"]["level"] == "province"
    assert data["place"]["meetings"] >= len(data["meetings"]) > 0
    assert "wang-hao-zhejiang" in {o["person_id"] for o in data["officials"]}
    assert "cpc-20" in {d["directive_id"] for d in data["directives"]}
    html = page(client, "/place/Zhejiang")
    assert 'href="/person/wang-hao-zhejiang"' in html and 'id="chart-months"' in html


# -- document -----------------------------------------------------------------------------

def test_doc_api_has_facts_with_spans_inside_the_text(client: TestClient,
                                                      needs_seeds: None) -> None:
    data = api(client, f"/api/doc/{SEED}")
    text = data["text"]
    assert data["document"]["doc_id"] == SEED and data["record"]["doc_id"] == SEED
    kinds = {f["type"] for f in data["facts"]}
    assert {"person", "date", "directive", "formulation", "place"} <= kinds
    for fact in data["facts"]:
        assert 0 <= fact["start"] < fact["end"] <= len(text)
    people = [text[f["start"]:f["end"]] for f in data["facts"] if f["type"] == "person"]
    assert "Wang Hao" in people
    assert {"name": "Wang Hao", "person_id": "wang-hao-zhejiang"} in data["people"]


def test_doc_page_highlights_each_fact_type(client: TestClient, needs_seeds: None) -> None:
    html = page(client, f"/doc/{SEED}")
    assert re.search(r'<mark class="hl hl-person"[^>]*>Wang Hao</mark>', html)
    for kind in ("date", "directive", "formulation", "place"):
        assert f'<mark class="hl hl-{kind}"' in html
    assert 'id="record"' in html and 'href="/person/wang-hao-zhejiang"' in html
    assert 'href="/directive/cpc-20"' in html


def test_doc_page_highlights_titles_beside_names(client: TestClient) -> None:
    """The record's title has no span of its own: its wording beside the name is marked."""
    html = page(client, f"/doc/{EVIL_ID}")
    assert re.search(r'<mark class="hl hl-person"[^>]*>Wang Hao</mark>, '
                     r'<mark class="hl hl-title"[^>]*>Governor</mark>', html)


def test_doc_page_highlights_tasks(client: TestClient, web_db: Path) -> None:
    """Find a stored report whose record has task spans; they are marked."""
    import duckdb

    con = duckdb.connect(str(web_db), read_only=True)
    try:
        rows = con.execute("SELECT doc_id FROM documents WHERE json_extract_string(record, "
                           "'$.events[0].tasks[0].span') IS NOT NULL LIMIT 1").fetchall()
    finally:
        con.close()
    if not rows:
        pytest.skip("no report with task spans in the fixture")
    html = page(client, f"/doc/{rows[0][0]}")
    assert '<mark class="hl hl-task"' in html or 'data-types="task' in html


def test_doc_by_content_hash(client: TestClient) -> None:
    first = api(client, f"/api/doc/{EVIL_ID}")
    digest = first["document"]["hash"]
    assert api(client, f"/api/doc/{digest}")["document"]["doc_id"] == EVIL_ID


def test_report_text_with_markup_shows_as_text(client: TestClient) -> None:
    html = page(client, f"/doc/{EVIL_ID}")
    assert "<script>alert" not in html and "<script>document.title" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>bold</b>" not in html
    # the title, in <title> and <h1>, is text too
    assert "<title>&lt;script&gt;document.title=" in html
    data = api(client, f"/api/doc/{EVIL_ID}")
    assert "<script>alert('x')</script>" in data["text"]  # the API returns the text as is


def test_markup_in_search_results_and_search_box_is_escaped(client: TestClient) -> None:
    html = page(client, "/search?q=" + quote("<script>alert(1)</script> pwned"))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = page(client, "/search?q=onerror")
    assert "<img src=x" not in html


def test_segments_cover_the_text_and_nest() -> None:
    text = "On October 24 Wang Hao spoke."
    record = {"events": [{"date_span": [3, 13], "date": "2022-10-24",
                          "directives": [{"id": "x", "spans": [[0, 13]]}],
                          "people": [{"name": "Wang Hao", "role": "spoke", "spans": [[14, 22]],
                                      "titles": [{"post": "Governor", "span": [99, 120]}]}]}]}
    facts = facts_of(record, len(text))
    assert {(f.type, f.start, f.end) for f in facts} == {
        ("date", 3, 13), ("directive", 0, 13), ("person", 14, 22)}  # out-of-text span dropped
    pieces = segments(text, facts)
    assert "".join(p.text for p in pieces) == text
    date = next(p for p in pieces if p.text == "October 24")
    assert date.type == "date" and set(date.types) == {"date", "directive"}


# -- search -------------------------------------------------------------------------------

def test_search_api_and_page(client: TestClient, needs_seeds: None) -> None:
    data = api(client, "/api/search?q=common+prosperity")
    assert data["hits"] and "001_dab78dd33ba23929" in {h["doc_id"] for h in data["hits"]}
    scores = [h["score"] for h in data["hits"]]
    assert scores == sorted(scores, reverse=True)
    html = page(client, "/search?q=common+prosperity")
    assert 'href="/doc/001_dab78dd33ba23929"' in html and 'id="hits"' in html


def test_search_chinese_and_limit(client: TestClient) -> None:
    data = api(client, "/api/search?q=" + quote("学习贯彻") + "&limit=2")
    assert len(data["hits"]) <= 2
    assert len(api(client, "/api/search?q=" + quote("学习贯彻"))["hits"]) == 10
    html = page(client, "/search?q=" + quote("学习贯彻"))
    assert html.count("<li>") == 10
    assert 'id="more" href="/search?q=%E5%AD%A6%E4%B9%A0%E8%B4%AF%E5%BD%BB&amp;limit=20"' in html


def test_search_page_without_query_is_a_form(client: TestClient) -> None:
    html = page(client, "/search")
    assert 'name="q"' in html and 'id="hits"' not in html
    assert api(client, "/api/search?q=zzzzqqqq")["hits"] == []


# -- static, schema -----------------------------------------------------------------------

def test_plotly_and_static_files_are_served(client: TestClient) -> None:
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000
    assert b"plotly" in response.content[:2000].lower()
    assert client.get("/static/luoshi.js").status_code == 200
    assert client.get("/static/luoshi.css").status_code == 200


def test_openapi_documents_every_api_endpoint(client: TestClient) -> None:
    schema = api(client, "/openapi.json")
    paths = set(schema["paths"])
    assert paths == {"/api/overview", "/api/directive/{directive_id}", "/api/tifa/{key}",
                     "/api/person/{person_id}", "/api/place/{name}", "/api/doc/{doc_id}",
                     "/api/search"}
    directive = schema["paths"]["/api/directive/{directive_id}"]["get"]
    assert {p["name"] for p in directive["parameters"]} == {"directive_id", "sort", "order",
                                                            "limit"}
    assert "DirectivePage" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


# -- errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/directive/cpc-99", "/tifa/nosuchformulation",
                                 "/person/nobody-nowhere", "/place/Atlantis",
                                 "/doc/no-such-doc", "/no/such/page", "/directive/"])
def test_unknown_ids_give_a_404_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404" in response.text and 'href="/"' in response.text


@pytest.mark.parametrize("url", ["/api/directive/cpc-99", "/api/tifa/nosuch",
                                 "/api/person/nobody", "/api/place/Atlantis",
                                 "/api/doc/nothing", "/api/nothing"])
def test_unknown_ids_give_a_json_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize("url", ["/directive/cpc-20?sort=colour", "/directive/cpc-20?order=up",
                                 "/directive/cpc-20?limit=0", "/directive/cpc-20?limit=abc",
                                 "/search?q=x&limit=1000"])
def test_bad_parameters_give_a_422_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "422" in response.text


@pytest.mark.parametrize("url", ["/api/directive/cpc-20?limit=100000", "/api/search",
                                 "/api/search?q=", "/api/search?q=x&limit=-1"])
def test_bad_parameters_give_a_json_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_hostile_ids_are_parameters_not_sql(client: TestClient) -> None:
    for key in ("' OR 1=1 --", "x'); DROP TABLE documents; --", "%", "_"):
        assert client.get("/api/directive/" + quote(key, safe="")).status_code == 404
        assert client.get("/api/person/" + quote(key, safe="")).status_code == 404
        assert client.get("/api/doc/" + quote(key, safe="")).status_code == 404
    assert api(client, "/api/overview")["counts"]["documents"] >= 300


def test_missing_database_gives_503(tmp_path: Path) -> None:
    from luoshi.web import create_app

    with TestClient(create_app(tmp_path / "absent.duckdb")) as other:
        response = other.get("/")
        assert response.status_code == 503 and "no such database file" in response.text
        assert other.get("/api/overview").status_code == 503


def test_search_ranks_as_the_cli_does(client: TestClient, web_db: Path) -> None:
    """The page and `luoshi search` find the same reports with the same scores."""
    import luoshi

    for query in ("common prosperity", "学习贯彻", "Heilongjiang seminar"):
        with luoshi.open(web_db) as db:
            expected = db.search(query, limit=100)
        assert 0 < len(expected) < 100
        hits = api(client, "/api/search?limit=100&q=" + quote(query))["hits"]
        assert {h["doc_id"]: pytest.approx(h["score"]) for h in hits} == dict(
            zip(expected["doc_id"], expected["score"], strict=True))
        scores = [round(h["score"], 9) for h in hits]
        assert scores == sorted(scores, reverse=True)


def test_overview_follows_a_new_ingest(web_db: Path, tmp_path: Path) -> None:
    """The overview is kept between requests only until a writer commits."""
    import shutil

    from luoshi.store.database import open_database
    from luoshi.web import create_app
    from tests.store.conftest import make_record, store

    path = tmp_path / "copy.duckdb"
    shutil.copy(web_db, path)
    with TestClient(create_app(path)) as other:
        before = api(other, "/api/overview")["counts"]["documents"]
        assert api(other, "/api/overview")["counts"]["documents"] == before
        with open_database(path) as db:
            store(db, (make_record("late", "a later report"), "a later report's text"))
        assert api(other, "/api/overview")["counts"]["documents"] == before + 1


NASTY = ["%00", "%FF", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "a" * 600, "%E4%B8", "'", "%25",
         "%20", "%0A", "%3Cscript%3E", "cpc-20%00"]


@pytest.mark.parametrize("route", ["/directive/", "/tifa/", "/person/", "/place/", "/doc/",
                                   "/api/directive/", "/api/tifa/", "/api/person/",
                                   "/api/place/", "/api/doc/", "/search?q=", "/api/search?q="])
def test_odd_input_never_gives_a_server_error(web_db: Path, route: str) -> None:
    from luoshi.web import create_app

    with TestClient(create_app(web_db), raise_server_exceptions=False) as other:
        for value in NASTY:
            response = other.get(route + value)
            assert response.status_code in (200, 404, 422), (value, response.text[:300])
            if response.headers["content-type"].startswith("text/html"):
                assert "<script>" not in response.text.split("</main>")[0]
