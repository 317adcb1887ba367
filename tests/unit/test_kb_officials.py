"""officials.tsv: unbroken chains of provincial leaders, and names without a Han surname.

The bundled file (without the user's folder) must give, for each of the 31 provincial units
of the mainland, a party secretary and a government head (governor, mayor, chairman) for
every month from January 2013 to June 2025. A month with nobody in post is a real vacancy
and is listed in KNOWN_GAPS with its reason; the list is checked to stay true, so a filled
vacancy must leave it.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from luoshi.kb.check import check_kb
from luoshi.kb.loader import DATA_DIR, build_kb
from luoshi.kb.model import OfficialEntry

KB = build_kb([DATA_DIR])
FIRST, LAST = "2013-01", "2025-06"
NOT_MAINLAND = {"Hong Kong", "Macao", "Taiwan"}
PROVINCES = sorted(p.name for p in KB.places
                   if p.level == "province" and p.name not in NOT_MAINLAND)
KINDS = {"party": ("Secretary",), "government": ("Governor", "Mayor", "Chairman")}

# (province, kind) -> months with nobody in post, and why.
KNOWN_GAPS: dict[tuple[str, str], tuple[set[str], str]] = {
    ("Tianjin", "government"): (
        {"2017-11", "2017-12"},
        "Wang Dongfeng became Hebei secretary 2017-10-28; Zhang Guoqing was acting mayor only "
        "from 2018-01-02 (ecns 2018-01-02). Wang's formal resignation date was not found."),
    ("Jilin", "government"): (
        {"2016-11"},
        "Jiang Chaoliang left for Hubei 2016-10-29; Liu Guozhong acting from 2016-12-12."),
    ("Hubei", "government"): (
        {"2016-08"},
        "Wang Guosheng's resignation accepted 2016-07-28; Wang Xiaodong acting 2016-09-14."),
    ("Shandong", "government"): (
        {"2017-03"},
        "Guo Shuqing left for the CBRC in 2017-02; Gong Zheng acting from 2017-04-11."),
    ("Liaoning", "government"): (
        {"2020-05", "2020-06"},
        "Tang Yijun left for the Ministry of Justice in 2020-04; Liu Ning acting in 2020-07."),
    ("Heilongjiang", "government"): (
        {"2021-01"},
        "Wang Wentao left for the Ministry of Commerce in 2020-12; Hu Changsheng acting "
        "from 2021-02-02."),
    ("Shanxi", "government"): (
        {"2025-05"},
        "Jin Xiangjun investigated from 2025-04-12; Lu Dongliang acting from 2025-06-03."),
    ("Guangxi", "government"): (
        {"2025-06"},
        "Lan Tianli's resignation accepted 2025-05-29; Wei Tao in office from 2025-07."),
}


def months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def holders(province: str, kind: str) -> list[OfficialEntry]:
    return sorted((o for o in KB.officials
                   if o.jurisdiction == province and o.post in KINDS[kind]),
                  key=lambda o: o.start)


def uncovered(province: str, kind: str) -> set[str]:
    rows = holders(province, kind)
    return {m for m in months(FIRST, LAST) if not any(o.holds_on(f"{m}-15") for o in rows)}


def test_thirty_one_provincial_units() -> None:
    assert len(PROVINCES) == 31


def test_bundled_officials_pass_the_checker() -> None:
    assert [p for p in check_kb(KB) if "officials" in p] == []


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("province", PROVINCES)
def test_chain_has_no_gap(province: str, kind: str) -> None:
    expected = KNOWN_GAPS.get((province, kind), (set(), ""))[0]
    assert sorted(uncovered(province, kind) - expected) == [], (province, kind)


@pytest.mark.parametrize("key", sorted(KNOWN_GAPS))
def test_known_gaps_are_still_gaps(key: tuple[str, str]) -> None:
    gap, reason = KNOWN_GAPS[key]
    assert reason
    assert gap <= uncovered(*key), f"{key} is filled now: remove it from KNOWN_GAPS"


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("province", PROVINCES)
def test_successive_holders_do_not_overlap(province: str, kind: str) -> None:
    """A predecessor leaves by the month the successor arrives (catches stale end dates);
    only the last holder may have an open end."""
    rows = holders(province, kind)
    for before, after in pairwise(rows):
        assert before.end is not None, (province, before.name)
        assert before.end[:7] <= after.start[:7], (province, before.name, after.name)


def find(name: str, post: str, jurisdiction: str) -> OfficialEntry:
    rows = [o for o in KB.officials
            if (o.name, o.post, o.jurisdiction) == (name, post, jurisdiction)]
    assert len(rows) == 1, (name, post, jurisdiction)
    return rows[0]


@pytest.mark.parametrize(("name", "zh", "form", "post", "jurisdiction", "start", "end"), [
    ("Bayanqolu", "巴音朝鲁", "single", "Governor", "Jilin", "2012-12", "2014-09"),
    ("Bayanqolu", "巴音朝鲁", "single", "Secretary", "Jilin", "2014-08", "2020-11"),
    ("Bagatur", "巴特尔", "single", "Chairman", "Inner Mongolia", "2008-04", "2016-03"),
    ("Nur Bekri", "努尔·白克力", "transcribed", "Chairman", "Xinjiang", "2007-12", "2014-12"),
    ("Shohrat Zakir", "雪克来提·扎克尔", "transcribed", "Chairman", "Xinjiang", "2014-12",
     "2021-09"),
    ("Erkin Tuniyaz", "艾尔肯·吐尼亚孜", "transcribed", "Chairman", "Xinjiang", "2021-09", None),
    ("Padma Choling", "白玛赤林", "transcribed", "Chairman", "Tibet", "2010-01", "2013-01"),
    ("Losang Jamcan", "洛桑江村", "transcribed", "Chairman", "Tibet", "2013-01", "2017-01"),
    ("Che Dalha", "齐扎拉", "transcribed", "Chairman", "Tibet", "2017-01", "2021-10"),
    ("Bu Xiaolin", "布小林", "", "Chairman", "Inner Mongolia", "2016-03", "2021-08"),
])
def test_non_han_names(name: str, zh: str, form: str, post: str, jurisdiction: str,
                       start: str, end: str | None) -> None:
    row = find(name, post, jurisdiction)
    assert (row.zh, row.name_form, row.start, row.end) == (zh, form, start, end)
    assert KB.officials_by_zh[zh][0].name == name


@pytest.mark.parametrize(("name", "post", "jurisdiction", "start", "end"), [
    ("Meng Fanli", "Governor", "Guangdong", "2025-10", None),
    ("Wang Weizhong", "Governor", "Guangdong", "2021-12", "2025-10"),
    ("Wei Tao", "Chairman", "Guangxi", "2025-07", None),
    ("Lan Tianli", "Chairman", "Guangxi", "2020-10", "2025-05"),
    ("Luo Dongchuan", "Governor", "Qinghai", "2025-01", None),
    ("Wu Xiaojun", "Governor", "Qinghai", "2022-03", "2025-01"),
    ("Wang Lixia", "Chairman", "Inner Mongolia", "2021-08", "2025-09"),
    ("Bao Gang", "Chairman", "Inner Mongolia", "2025-10", None),
    ("Lu Dongliang", "Governor", "Shanxi", "2025-06", None),
])
def test_2025_changes(name: str, post: str, jurisdiction: str, start: str,
                      end: str | None) -> None:
    row = find(name, post, jurisdiction)
    assert (row.start, row.end) == (start, end)


HEADER = "name\tzh\tname_form\tpost\torg\tjurisdiction\tstart\tend\tsource\n"


def user_problems(tmp_path: Path, rows: str, header: str = HEADER) -> list[str]:
    (tmp_path / "officials.tsv").write_text(header + rows, encoding="utf-8")
    kb = build_kb([DATA_DIR, tmp_path])
    return [p for p in check_kb(kb) if p.startswith("officials")]


def test_single_name_needs_its_name_form(tmp_path: Path) -> None:
    """The allowance is per row: without `single` a one-word name is still an error."""
    old_header = "name\tzh\tpost\torg\tjurisdiction\tstart\tend\tsource\n"
    problems = user_problems(tmp_path, "Bayanqolu\t巴音朝鲁\tSecretary\tProvincial Party "
                             "Committee\tJilin\t2014-09\t2020-11\ttest\n", old_header)
    assert len(problems) == 1 and "Surname Given" in problems[0]


@pytest.mark.parametrize(("row", "reason"), [
    ("Wang\t王\tsingle-ish", "unknown name_form"),
    ("Wang Xiao Ming\t王小明\t", "Surname Given"),
    ("Nur Bekri\t努尔·白克力\t", "not in surnames.tsv"),
    ("Bayan Qolu\t巴音朝鲁\tsingle", "one capitalised word"),
    ("bayanqolu\t巴音朝鲁\tsingle", "one capitalised word"),
    ("Nur\t努尔·白克力\tsingle", "one capitalised word"),
    ("Bekri\t白克力\ttranscribed", "two or more words"),
])
def test_name_form_is_checked(tmp_path: Path, row: str, reason: str) -> None:
    problems = user_problems(
        tmp_path, f"{row}\tChairman\tAutonomous Regional Government\tXinjiang\t1990-01\t"
        "1990-02\ttest\n")
    assert len(problems) == 1 and reason in problems[0], problems


def test_well_formed_user_rows_pass(tmp_path: Path) -> None:
    rows = ("Bayanqolu\t巴音朝鲁\tsingle\tMayor\tMunicipal Government\tXinjiang\t1990-01\t"
            "1990-02\ttest\n"
            "Nur Bekri\t努尔·白克力\ttranscribed\tMayor\tMunicipal Government\tXinjiang\t"
            "1990-01\t1990-02\ttest\n"
            "Wang Xiaoming\t王小明\t\tMayor\tMunicipal Government\tXinjiang\t1990-01\t"
            "1990-02\ttest\n")
    assert user_problems(tmp_path, rows) == []
