"""Formulations: the longest match wins, the meeting's own directive is no formulation, and
catalogue variants that also render common words count only in their telling context.

Every sentence here was written for these tests in the style of the reports.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from luoshi.extract.formulations import (
    _winning,
    directive_names,
    event_name,
    names_a_directive,
    naming_formulations,
)
from luoshi.kb import load_kb
from luoshi.kb.lexicon import FORMULATION, Hit, longest_first
from luoshi.pipeline import extract
from luoshi.record import Directive

KB = load_kb()
PUBLISHED = "2023-07-28"


def keys(text: str) -> set[str]:
    return {f.zh for f in extract(text, published=PUBLISHED, kb=KB).events[0].formulations}


def directive_ids(text: str) -> set[str]:
    return {d.id for d in extract(text, published=PUBLISHED, kb=KB).events[0].directives}


# --- The meeting's own directive -----------------------------------------------------

@pytest.mark.parametrize(("surface", "name"), [
    ("党的二十大精神", "二十大"),
    ("二十大会议精神", "二十大"),
    ("中共二十大", "二十大"),
    ("二十大", "二十大"),
    ("中央八项规定精神", "中央八项规定"),
    ("精神", "精神"),  # nothing but the wrapper: left as it is
])
def test_formulations_event_name_strips_party_prefix_and_spirit_suffix(
        surface: str, name: str) -> None:
    assert event_name(surface) == name


CONGRESS_ZH = ("10月26日，县委常委会召开会议，传达学习党的二十大精神。会议指出，党的二十大是一次"
               "十分重要的大会。要深刻领悟“两个确立”的决定性意义，把学习贯彻党的二十大精神"
               "作为首要政治任务。")
CONGRESS_EN = ("On the 26th, the county Party committee held a standing committee meeting to "
               "study and implement the spirit of the 20th CPC National Congress. The meeting "
               "held that the 20th CPC National Congress was of great significance, and that "
               "we must deeply understand the decisive significance of the two establishments.")


@pytest.mark.parametrize("text", [CONGRESS_ZH, CONGRESS_EN], ids=["zh", "en"])
def test_formulations_naming_the_studied_directive_are_left_out(text: str) -> None:
    assert "cpc-20" in directive_ids(text)
    found = keys(text)
    assert "二十大精神" not in found
    assert "二十大" not in found
    assert "两个确立" in found


def test_formulations_naming_another_directive_are_kept() -> None:
    text = ("11月12日，市政府党组召开会议，传达学习党的十九届六中全会精神。会议强调，要坚定"
            "“四个自信”，以优异成绩迎接党的二十大胜利召开。")
    ids = directive_ids(text)
    assert "cpc-19-6" in ids and "cpc-20" not in ids
    assert "二十大" in keys(text)


def test_formulations_in_the_directives_signature_are_kept() -> None:
    # the eight-point regulation is a directive whose signature is 八项规定 itself
    text = ("On the 26th, the county held a meeting to study the 20th CPC National Congress. "
            "We must strictly implement the spirit of the eight-point regulation.")
    assert "doc-2012-12-04-eight-point-regulation" in directive_ids(text)
    assert "八项规定" in keys(text)


# --- 新时代: the judgement, not the period label -------------------------------------

@pytest.mark.parametrize("text", [
    "会议强调，要奋力谱写新时代双拥工作新篇章。",
    "会议要求，深入推进新时代党的建设新的伟大工程。",
    "要把新时代的历史性成就讲清楚讲透彻。",
    "为奋力走出新时代江淮高质量发展新路贡献力量。",
    "It is necessary to write a new chapter of double support work in the new era.",
])
def test_formulations_new_era_as_a_modifier_is_no_formulation(text: str) -> None:
    assert not any("新时代" in key and key != "习近平新时代中国特色社会主义思想"
                   for key in keys(text))


@pytest.mark.parametrize("text", [
    "会议指出，中国特色社会主义进入新时代，我国社会主要矛盾已经发生变化。",
    "会议指出，党的十九大以来，中国特色社会主义进入了新时代。",
    "The meeting pointed out that socialism with Chinese characteristics has entered a new era.",
])
def test_formulations_new_era_judgement_is_found(text: str) -> None:
    assert "中国特色社会主义进入新时代" in keys(text)


# --- Overlaps: the longest match at a place is the only one ---------------------------

@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("要深入学习贯彻习近平新时代中国特色社会主义思想。",
     "习近平新时代中国特色社会主义思想", "中国特色社会主义进入新时代"),
    ("We must study Xi Jinping Thought on Socialism with Chinese Characteristics for a New "
     "Era in depth.", "习近平新时代中国特色社会主义思想", "中国特色社会主义进入新时代"),
    ("We will build a common prosperity demonstration zone with high quality.",
     "共同富裕示范区", "共同富裕"),
    # crossing, not nested: "comprehensive revitalization" must not take Longjiang's slogan
    ("Strive to achieve new breakthroughs in the comprehensive revitalization of Longjiang.",
     "龙江振兴", "全面振兴"),
])
def test_formulations_longest_match_wins_where_matches_overlap(
        text: str, kept: str, dropped: str) -> None:
    found = keys(text)
    assert kept in found
    assert dropped not in found


def test_formulations_overlapping_uses_counted_once() -> None:
    record = extract("要深入学习贯彻习近平新时代中国特色社会主义思想，坚定不移走新时代的新路。",
                     published=PUBLISHED, kb=KB)
    formulations = record.events[0].formulations
    assert [(f.zh, f.count) for f in formulations] == [("习近平新时代中国特色社会主义思想", 1)]


# --- Variants that also render common words -------------------------------------------

@pytest.mark.parametrize(("text", "key", "expected"), [
    # 国之大者 as machine translation renders 心怀“国之大者”
    ("We must keep in mind the “big country” and shoulder our responsibilities.", "国之大者", True),
    ("Cadres should be concerned about the “big country” and serve the overall situation.",
     "国之大者", True),
    ("Always bear in mind the “major issues of the country” in every task.", "国之大者", True),
    ("Keep in mind the “major national affairs” and act on them.", "国之大者", True),
    ("China is a big country with a large population.", "国之大者", False),
    ("The meeting discussed major issues of the country's flood control.", "国之大者", False),
    ("We must firmly safeguard the country's fundamental interests.", "国之大者", False),
    ("Major national affairs were reported by the vice governor.", "国之大者", False),
    # 八项规定: the central rules, not any eight rules
    ("We will strictly implement the spirit of the eight provisions of the Central Committee.",
     "八项规定", True),
    ("Violations of the spirit of the eight central regulations will be dealt with strictly.",
     "八项规定", True),
    ("We will observe the Central Committee’s eight regulations on frugality.", "八项规定", True),
    ("The notice sets out eight provisions on the management of bidding.", "八项规定", False),
    ("The county issued eight rules on rural housing construction.", "八项规定", False),
    # 任务书: "task list" is 任务清单
    ("Refine the goals into construction drawings and task books.", "任务书", True),
    ("Each department should draw up a task list and a responsibility list.", "任务书", False),
])
def test_formulations_ambiguous_variants_need_their_context(
        text: str, key: str, expected: bool) -> None:
    assert (key in keys(text)) is expected


# --- The fast path against longest_first -----------------------------------------------

HITS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4), st.sampled_from("ab")).map(
    lambda t: Hit(t[0], t[0] + t[1], FORMULATION, t[2], latin=False)), max_size=6)


@given(HITS)
@example([Hit(3, 5, FORMULATION, "a", False), Hit(5, 5, FORMULATION, "b", False)])
@example([Hit(5, 7, FORMULATION, "a", False), Hit(1, 3, FORMULATION, "b", False)])
def test_formulations_hits_apart_win_as_longest_first_picks(hits: list[Hit]) -> None:
    assert _winning(hits) == longest_first(hits)


FORMULATION_KEYS = sorted(KB.formulation_by_zh)
DIRECTIVE_IDS = sorted(KB.directive_by_id)


@given(st.lists(st.sampled_from(DIRECTIVE_IDS), max_size=3),
       st.lists(st.sampled_from([None, "二十大", "党的二十大精神", "十九届六中全会", "八项规定"]),
                min_size=3, max_size=3))
@example(["doc-2012-12-04-eight-point-regulation"], [None, None, None])  # its signature's own
@example(["cpc-20", "cpc-19-6"], ["二十大", None, None])
def test_formulations_naming_a_directive_as_asked_of_each(ids: list[str],
                                                           zh: list[str | None]) -> None:
    directives = [Directive(id=i, kind="plenum", body="CPC", label=i, zh=z)
                  for i, z in zip(ids, zh, strict=False)]
    own = directive_names(directives, KB)
    expected = {key for key in FORMULATION_KEYS if names_a_directive(key, KB, own)}
    assert naming_formulations(own, KB) == expected
