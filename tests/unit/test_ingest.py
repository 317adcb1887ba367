"""Reading inputs: encodings, HTML, JSON Lines, folders, and the errors bad files get."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from luoshi.errors import InputError
from luoshi.ingest.decode import decode_bytes
from luoshi.ingest.readers import InputDoc, iter_inputs

ZH = "省委常委会召开会议，传达学习党的二十大精神。会议强调，要深刻领悟“两个确立”的决定性意义。"
ZH_TRADITIONAL = "省委常委會召開會議，傳達學習黨的二十大精神。會議強調，要深刻領悟兩個確立的決定性意義。"


@pytest.mark.parametrize(("data", "encoding"), [
    (ZH.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"), "utf-16"),
    (ZH.encode("utf-16-le"), "utf-16"),
    (ZH.encode("gb18030"), "gb18030"),
    (ZH.encode("gbk"), "gb18030"),
])
def test_ingest_decode_common_encodings(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data, "x.txt")
    assert text == ZH
    assert found == encoding


def test_ingest_decode_big5_is_told_from_gb18030() -> None:
    text, found = decode_bytes(ZH_TRADITIONAL.encode("big5"), "x.txt")
    assert found == "big5"
    assert text == ZH_TRADITIONAL


def test_ingest_decode_mojibake_is_repaired() -> None:
    garbled = ZH.encode("utf-8").decode("latin-1").encode("utf-8")
    text, _ = decode_bytes(garbled, "x.txt")
    assert text == ZH


@pytest.mark.parametrize(("data", "code"), [
    (b"", "L004"), (b"   \n\t ", "L004"), (b"\x00\x01\x02\x03binary\x00\xff\xfe" * 40, "L002"),
])
def test_ingest_decode_refuses_bad_bytes(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "bad.txt")
    assert caught.value.code == code
    assert "bad.txt" in caught.value.line()


def test_ingest_jsonl_broken_line_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "first report", "published": "2022-10-25 10:04"}) + "\n"
        + "{broken json\n"
        + json.dumps({"text": "third report", "url": "http://x"}) + "\n"
        + json.dumps({"id": "d"}) + "\n",
        encoding="utf-8",
    )
    items = list(iter_inputs([path]))
    docs = [i for i in items if isinstance(i, InputDoc)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert next(d.doc_id for d in docs) == "a"
    assert docs[0].published == "2022-10-25"
    assert docs[1].url == "http://x" and len(docs[1].doc_id) == 16
    assert [e.code for e in errors] == ["L006", "L007"]
    assert "line 2" in errors[0].line() and str(path) in errors[0].line()


def test_ingest_folder_skips_gold_files_and_keeps_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    docs = list(iter_inputs([tmp_path]))
    assert [d.doc_id for d in docs if isinstance(d, InputDoc)] == ["a", "b"]


def test_ingest_missing_path_and_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    items = list(iter_inputs([tmp_path / "nope.txt", big], max_bytes=1024))
    assert [i.code for i in items if isinstance(i, InputError)] == ["L011", "L005"]


def test_ingest_html_main_text_drops_menus(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    article = ("On November 24, the provincial party committee held a standing committee "
               "meeting to study the spirit of the 20th National Congress of the Party. ") * 3
    page.write_text(
        "<html><head><title>Standing committee studies the Congress</title></head><body>"
        "<nav><ul><li>Home</li><li>News</li><li>Government Affairs</li></ul></nav>"
        f"<div class='article'><h1>Standing committee studies the Congress</h1><p>{article}</p>"
        "</div><footer>Copyright Sponsor: General Office</footer></body></html>",
        encoding="utf-8",
    )
    [doc] = list(iter_inputs([page]))
    assert isinstance(doc, InputDoc)
    assert "standing committee meeting" in doc.text
    assert "Government Affairs" not in doc.text
    assert "Copyright" not in doc.text
