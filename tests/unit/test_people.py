"""People: the fast forms of the cue patterns and searches match as their definitions."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.doc import Doc
from luoshi.extract.people.en import (
    FAST_PRONOUN_ANYWHERE,
    FAST_ROLE_CUES,
    PRONOUN_ANYWHERE,
    ROLE_CUE_WORDS,
    ROLE_CUES,
    fast_word_pattern,
    word_pattern,
)
from luoshi.extract.people.mention import Mention
from luoshi.extract.text import IGNORECASE_EXTRA
from luoshi.kb import KB, load_kb
from luoshi.record import Span

# words of the cues and their near misses, in several cases, with what re.I also matches
TOKENS = ["presided", "Presided", "PRESIDED", "over", "chaired", "Hosted", "spoke", "said",
          "Said", "ſaid", "made", "an", "a", "important", "speech", "report", "reported", "on",
          "was", "were", "present", "in", "attendance", "attended", "Asked", "aſked",
          "took", "part", "He", "She", "he", "Hex", "xHe", "SHe", "İn", "ın", "Keynote",
          "keynote", "x", "_", "1", "é", " ", "  ", "\n", "-", ",", ".", "’", "“", "("]
TEXT = st.lists(st.sampled_from(TOKENS), max_size=16).map("".join)


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


@given(TEXT, st.data())
def test_people_fast_role_cues_match_as_the_definitions(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for (role, definition), (fast_role, fast) in zip(ROLE_CUES, FAST_ROLE_CUES, strict=True):
        assert role == fast_role
        assert _spans(fast, text, start, end) == _spans(definition, text, start, end)


@given(TEXT, st.data())
def test_people_fast_pronoun_matches_as_the_definition(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _spans(FAST_PRONOUN_ANYWHERE, text, start, end) == _spans(PRONOUN_ANYWHERE, text,
                                                                     start, end)


def test_people_role_cues_every_word_found_in_any_case() -> None:
    for role, words in ROLE_CUE_WORDS:
        fast, definition = fast_word_pattern(words), word_pattern(words)
        for sample in ("presided over", "chaired", "Emphasised", "POINTED OUT", "said",
                       "made an important speech", "gave a keynote report", "Took part",
                       "were in attendance", "asked", "aſked", "İıK"):
            text = f"Wang Hao {sample}."
            assert _spans(fast, text, 0, len(text)) == _spans(definition, text, 0, len(text)), \
                (role, sample)


def test_people_ignorecase_extra_is_what_re_matches_for_ascii_letters() -> None:
    """`fast_word_pattern` spells each first letter's cases out; re.I also matches these."""
    letter = re.compile("[a-z]", re.I)
    extra: dict[str, str] = {}
    for code in range(128, 0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            for ascii_letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(ascii_letter, char, re.I):
                    extra[ascii_letter] = extra.get(ascii_letter, "") + char
    assert extra == IGNORECASE_EXTRA


# cues of several roles at one place and inside one another, and what lower() leaves
CUE_TOKENS = [*TOKENS, "delivered", "DELIVERED", "gave", "briefing", "reported", "made", "Made",
              "said report", "ſpeech", "eMPHASIZED", "emphasiſed", "Pointed", "out", "put",
              "forward", "called", "upon", "summed", "up", "participated", "İ", "ı", "K",
              "\u212a", "Ä", "\u3000", "\t", "\u00a0", "ﬀ"]
CUE_TEXT = st.lists(st.sampled_from(CUE_TOKENS), max_size=16).map("".join)


@settings(max_examples=1000)
@given(st.one_of(CUE_TEXT, st.lists(st.sampled_from(CUE_TOKENS), max_size=12).map(" ".join)),
       st.integers(0, 200), st.integers(0, 200))
@example("made a reported report", 0, 200)
@example("xgave a speech report, ſaid", 1, 200)
@example(" said", 1, 5)
@example("é said ésaid", 0, 200)  # a word character no ASCII one: no word start after it
def test_people_role_cues_as_each_roles_search_finds_them(text: str, start: int, end: int
                                                          ) -> None:
    """One search for all roles' cues finds every match of each role's definition, in text
    order, the roles' order at one place (as `assign_roles` first sorted them)."""
    from luoshi.extract.people.en import role_cues

    start = min(start, len(text))
    end = min(max(start, end), len(text))
    expected = sorted(((match.start(), match.end(), role) for role, pattern in ROLE_CUES
                       for match in pattern.finditer(text, start, end)), key=lambda c: c[0])
    assert role_cues(text, start, end) == expected


def test_people_lower_keeps_what_the_cues_read() -> None:
    """`role_cues` searches a lower-cased sentence: lower() keeps each character one
    character (but İ), a word character or not, white space or not, and makes a character
    an ASCII letter exactly when re.I takes it for that letter (but UNLOWERED_LETTERS)."""
    from luoshi.extract.people.en import UNLOWERED_LETTERS

    word, space, letter = re.compile(r"\w"), re.compile(r"\s"), re.compile("[a-z]", re.I)
    longer, unlowered = [], []
    for code in range(0x110000):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1:
            longer.append(char)
            continue
        assert bool(word.match(char)) == bool(word.match(lower)), hex(code)
        assert bool(space.match(char)) == bool(space.match(lower)), hex(code)
        if letter.match(char) and not ("a" <= lower <= "z" and re.match(lower, char, re.I)):
            unlowered.append(char)
        elif "a" <= lower <= "z":
            assert re.match(lower, char, re.I), hex(code)  # a letter only where re.I takes it
    assert longer == ["\u0130"]
    assert tuple(unlowered) == UNLOWERED_LETTERS


SENTENCE_TOKENS = ["Wang", "said", "x", "1", ".", ";", "!", "?", "\n", "\n\n", " ", "  ", "\t",
                   "\r", "\u00a0", "\u2028", "\"", "”", "’", ")", "“", "‘", "(", "A", "é",
                   "。", "！", "？", "；", "」", "』", "）", "王", "说"]


@given(st.lists(st.sampled_from(SENTENCE_TOKENS), max_size=20).map("".join),
       st.sampled_from(["en", "zh"]), st.data())
def test_people_sentences_of_lines_are_the_texts(text: str, lang: str, data: st.DataObject
                                                 ) -> None:
    """`assign_roles` splits only the lines it reads (`sentences_read`): from a line's
    start to a line's end, `sentences` gives the sentences of the whole text that lie there."""
    from luoshi.extract.people.mention import sentences_read
    from luoshi.extract.text import sentences

    lines = [i for i, c in enumerate(text) if c == "\n"]
    first = data.draw(st.integers(0, len(text)))
    last = data.draw(st.integers(first, len(text)))
    start = max([i + 1 for i in lines if i < first], default=0)
    end = min([i for i in lines if i >= last], default=len(text))
    assert sentences_read(text, lang, first, last) == sentences(text, lang, start, end) == [
        (a, b) for a, b in sentences(text, lang) if start <= a and b <= end]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(SENTENCE_TOKENS), max_size=24).map("".join),
       st.sampled_from(["en", "zh"]), st.data())
def test_people_sentences_holding_positions_are_those_of_their_lines(
        text: str, lang: str, data: st.DataObject) -> None:
    """`sentences_holding` finds each position's sentence from the marks around it: it
    gives the sentences of `sentences_read` that hold a position, in order, once each."""
    from luoshi.extract.people.mention import sentences_holding, sentences_read

    positions = data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=6)
                          ) if text else []
    expected = sorted({span for position in positions
                       for span in sentences_read(text, lang, position, position)
                       if span[0] <= position < span[1]})
    assert sentences_holding(text, lang, positions) == expected


PRONOUN_TEXT = st.lists(st.sampled_from(["He", "She", "SHe", "Hex", "he", "H", "S", "e", "x",
                                         "_", "1", " ", "\n", "."]),
                       max_size=12).map("".join)


@settings(max_examples=300)
@given(PRONOUN_TEXT, st.data())
def test_people_pronouns_after_a_position_as_the_definition_finds_them(text: str,
                                                                       data: st.DataObject
                                                                       ) -> None:
    from luoshi.extract.people.en import _pronouns

    start = data.draw(st.integers(0, len(text)))
    assert _pronouns(text, start) == [m.span() for m in PRONOUN_ANYWHERE.finditer(text, start)]


@given(st.lists(st.sampled_from(["He", "She", "SHe", "Hex", "he", "H", "S", "e", "x", "_",
                                 " ", "\n", "他", "她", "强调", "说"]), max_size=12).map("".join),
       st.integers(0, 30))
def test_people_spans_from_characters_as_the_search_finds_them(text: str, start: int) -> None:
    """A pattern whose matches open with one of the characters, tried where they are,
    finds what its search finds (the pronouns of both languages)."""
    from luoshi.extract.people import zh
    from luoshi.extract.people.mention import spans_from_characters

    for pattern, firsts in ((FAST_PRONOUN_ANYWHERE, "HS"), (zh.PRONOUN, "他她")):
        assert spans_from_characters(pattern, text, firsts, start) == [
            m.span() for m in pattern.finditer(text, start)]


def reference_assign_roles(doc: Doc, mentions: list[Mention]) -> dict[str, tuple[str, Span]]:
    """English `assign_roles` as first written: every sentence of the text is looked at,
    each searched for a pronoun once a participant is known."""
    from luoshi.extract.people import en
    from luoshi.extract.people.mention import better
    from luoshi.extract.text import sentences

    text, roles = doc.text, {}
    last_participant: Mention | None = None
    for start, end in sentences(text, "en"):
        inside = [m for m in mentions if start <= m.start < end]
        if not inside and not (last_participant and en.PRONOUN_ANYWHERE.search(text, start, end)):
            continue
        cues = sorted(((match.start(), match.end(), role) for role, pattern in en.ROLE_CUES
                       for match in pattern.finditer(text, start, end)), key=lambda c: c[0])
        for cue_start, cue_end, role in cues:
            subjects = en._subjects(text, inside, cue_start, cue_end, role)
            if not subjects and en.PRONOUN.search(text, max(start, cue_start - 8), cue_start):
                subjects = [last_participant] if last_participant else []
            for mention in subjects:
                roles[mention.name] = better(roles.get(mention.name), role, (cue_start, cue_end))
                last_participant = mention
        for mention in inside:
            if en.POSSESSIVE_SPEECH.match(text, mention.end) and not mention.invoked:
                roles[mention.name] = better(roles.get(mention.name), "spoke",
                                             (mention.start, mention.end))
                last_participant = mention
    return roles


ROLE_SUBJECTS = ["Wang Hao", "Li Qiang", "He", "Then He", "x She", "The meeting", "Governor Wang Hao",
                 "General Secretary Xi Jinping", "Wang Hao and Li Qiang"]
ROLE_VERBS = ["presided over", "said", "attended", "was presided over by Wang Hao", "’s speech",
              "and", ""]
ROLE_ENDS = [". ", ".\n", "\n", "\n\n", ", ", " ", "; "]
ROLE_TEXT = st.lists(st.tuples(st.sampled_from(ROLE_SUBJECTS), st.sampled_from(ROLE_VERBS),
                               st.sampled_from(ROLE_ENDS)),
                     max_size=8).map(lambda parts: "".join(f"{s} {v}{e}" for s, v, e in parts))


@settings(max_examples=500)
@given(ROLE_TEXT)
@example("Wang Hao attended.\nThen He said.")  # a pronoun on a line after the last mention's
def test_people_roles_as_when_every_sentence_is_read(text: str) -> None:
    from luoshi.extract.people import en

    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    doc = Doc(text=text, doc_id="t")
    mentions = en.find_mentions(doc, kb)
    assert en.assign_roles(doc, kb, mentions) == reference_assign_roles(doc, mentions)


def reference_subjects(text: str, inside: list[Mention], cue_start: int, cue_end: int,
                       role: str) -> list[Mention]:
    """`_subjects` as first written: whether several names share the verb is asked even
    when only one name stands before it."""
    from luoshi.extract.people import en

    passive = en.PASSIVE_BY.match(text, cue_end)
    if passive and role == "spoke" and en.DEMAND_CUE.search(text, cue_start, cue_end):
        return []
    if passive:
        after = [m for m in inside if m.start >= passive.end() and not m.invoked]
        if not after or after[0].start - passive.end() > 120:
            return []
        group = [after[0]]
        for nxt in after[1:]:
            if en.LIST_GAP.match(text[group[-1].end:nxt.start]):
                group.append(nxt)
            else:
                break
        return group if role == "attended" else group[:1]
    before = [m for m in inside if m.end <= cue_start]
    if not before:
        return []
    nearest = before[-1]
    if nearest.invoked or cue_start - nearest.end > en.MAX_SUBJECT_DISTANCE:
        return []
    several = role == "attended" or bool(
        en.OTHERS_BEFORE.search(text, max(0, cue_start - 60), cue_start)
        or en.IN_TURN_AFTER.match(text, cue_end))
    if not several:
        return [nearest]
    group = [nearest]
    for previous in reversed(before[:-1]):
        gap = text[previous.end:group[0].start]
        if previous.invoked or not (en.LIST_GAP.match(gap) or en._titled_gap(gap, previous)):
            break
        group.insert(0, previous)
    return group


@settings(max_examples=300)
@given(ROLE_TEXT.map(lambda text: text.replace(" and", " and other leaders")))
@example("Wang Hao and Li Qiang attended. Wang Hao and other leaders said.")
def test_people_subjects_as_first_written(text: str) -> None:
    """`_subjects` answers a verb with one name before it at once."""
    from luoshi.extract.people import en
    from luoshi.extract.text import sentences

    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    mentions = en.find_mentions(Doc(text=text, doc_id="t"), kb)
    for start, end in sentences(text, "en"):
        inside = [m for m in mentions if start <= m.start < end]
        for cue_start, cue_end, role in en.role_cues(text, start, end):
            assert en._subjects(text, inside, cue_start, cue_end, role) == reference_subjects(
                text, inside, cue_start, cue_end, role)


# -- Chinese ----------------------------------------------------------------------------

ZH_TEXT = st.text(alphabet=st.sampled_from(list("省市区自治领导同志长委书记副主任人大常会，、王李")),
                  max_size=30)


@given(ZH_TEXT)
def test_people_zh_leader_ends_are_those_of_the_pattern(text: str) -> None:
    from luoshi.extract.people.zh import LEADERS, _leader_ends

    assert _leader_ends(text) == [m.end() for m in LEADERS.finditer(text)]


@given(ZH_TEXT, st.lists(st.text(alphabet=st.sampled_from(list("省市区长委书记副主任人大常会")),
                                 min_size=1, max_size=5), min_size=1, max_size=12))
def test_people_zh_grouped_alternation_matches_as_the_plain_one(text: str,
                                                                 words: list[str]) -> None:
    from luoshi.extract.people.zh import grouped_alternation

    plain = re.compile("|".join(re.escape(w) for w in words))
    grouped = re.compile(grouped_alternation(words))
    assert _spans(grouped, text, 0, len(text)) == _spans(plain, text, 0, len(text))


def test_people_zh_post_pattern_finds_posts_as_the_plain_alternation(kb: KB) -> None:
    from luoshi.extract.people.zh import _post_pattern
    from luoshi.extract.titles import post_index

    surfaces = [s for s, _ in post_index(kb).zh_posts]
    plain = re.compile("|".join(re.escape(s) for s in surfaces))
    text = "，".join(surfaces) + "".join(surfaces) + "省委副书记、省长、省政府党组书记胡玉亭"
    assert _spans(_post_pattern(kb), text, 0, len(text)) == _spans(plain, text, 0, len(text))


# characters of posts (some ending one), of names (surnames, officials'), and others
POST_NAME_TEXT = st.lists(st.sampled_from(
    ["省委", "书记", "副", "省长", "市长", "主任", "委员", "常委", "长", "记", "委", "党组", "国务院总理",
     "王", "李", "胡玉亭", "欧阳", "习近平", "黄坤明", "张", "、", "，", "。", "\n", "的", "会议", "x"]),
    max_size=14).map("".join)


@settings(max_examples=400)
@given(POST_NAME_TEXT)
@example("省委副书记、省长胡玉亭")
@example("副省长王")
def test_people_zh_posts_before_names_as_the_whole_texts_search(text: str) -> None:
    """`_posts_before_names` searches only back from where a name may follow a post: the
    matches of the whole text's search after which `_name_at` finds a name."""
    from luoshi.extract.people.zh import _name_at, _post_pattern, _posts_before_names

    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    expected = [m.span() for m in _post_pattern(kb).finditer(text)
                if _name_at(text, m.end(), kb) is not None]
    assert [m.span() for m in _posts_before_names(text, kb)
            if _name_at(text, m.end(), kb) is not None] == expected


def test_people_zh_post_by_last_character_as_by_a_scan(kb: KB) -> None:
    from luoshi.extract.titles import post_index, zh_post

    def scan(segment: str) -> object:
        for surface, post in post_index(kb).zh_posts:
            if segment.endswith(surface):
                return post, segment[: -len(surface)]
        return None

    surfaces = [s for s, _ in post_index(kb).zh_posts]
    for segment in ["", "省", "王", *surfaces, *("安徽" + s for s in surfaces),
                    *(s[1:] for s in surfaces), *(s + "王" for s in surfaces)]:
        assert zh_post(segment, kb) == scan(segment), segment


@pytest.mark.parametrize("text", ["省委书记王宁主持", "王宁", "王宁a", "a王宁主持", "王宁主", "㐀王宁说",
                                  "欧阳明、李华", "王", "王宁強调"])
def test_people_zh_name_at_as_with_a_cjk_test_per_character(kb: KB, text: str) -> None:
    from luoshi.extract.people import zh

    for position in range(len(text) + 1):
        assert zh._name_at(text, position, kb) == reference_name_at(text, position, kb)


def reference_name_at(text: str, position: int, kb: KB) -> str | None:
    """`_name_at` as first written: each candidate looked at in the text, its characters
    tested one by one."""
    from luoshi.extract.people import zh
    from luoshi.normalize import is_cjk

    for length in (3, 2, 4):
        candidate = text[position:position + length]
        if len(candidate) < length or not all(is_cjk(c) for c in candidate):
            continue
        if candidate in kb.officials_by_zh:
            return candidate
        if candidate in zh.NOT_NAMES:
            continue
        parts = zh.split_surname(candidate, kb)
        if parts is None or not (1 <= len(parts[1]) <= 2):
            continue
        if zh.AFTER_NAME.match(text, position + length):
            return candidate
    return None


# surnames (欧阳 compound), officials (王宁 is not; 习近平 is), words, role verbs, punctuation
NAME_AT_TEXT = st.lists(st.sampled_from(["王", "欧阳", "李", "宁", "华", "明", "习近平", "全会", "会议", "主持",
                                         "强调", "、", "，", "。", "a", "1", "㐀", " ", "同志"]),
                        max_size=8).map("".join)


@settings(max_examples=300)
@given(NAME_AT_TEXT)
def test_people_zh_name_at_as_when_each_candidate_is_looked_at(text: str) -> None:
    """`_name_at` works out what to try from the four characters at a position, once."""
    from luoshi.extract.people import zh

    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    for position in range(len(text) + 1):
        assert zh._name_at(text, position, kb) == reference_name_at(text, position, kb)


GATED_TOKENS = ["General", "general", "GENERAL", "Secretary", "secretary", "ſecretary", "-",
                "Comrade", "President", "preſident", "Premier", "premİer", "Chairman", "chaırman",
                "and", "other", "AND OTHER", "leaders", "provincial", "successively",
                "ſucceſſively", "respectively", "reſpectıvely", "in", "ın", "turn", "Turn",
                "both", "each", "Each", "x", " ", "  ", "\n", ",", "Wang Hao"]
GATED_TEXT = st.lists(st.sampled_from(GATED_TOKENS), max_size=12).map(" ".join)


@given(GATED_TEXT)
def test_people_gated_patterns_match_only_where_their_words_are(text: str) -> None:
    from luoshi.extract.people import en

    for pattern, words in ((en.INVOKING_TITLE, en.INVOKING_TITLE_WORDS),
                           (en.OTHERS_BEFORE, en.OTHERS_BEFORE_WORDS)):
        assert not any(letter in word for word in words for letter in "iks")
        for end in range(len(text) + 1):
            if pattern.search(text, max(0, end - 60), end):
                assert en.may_match(text[max(0, end - 60):end], words), (text, end)


@pytest.mark.parametrize("before", ["General Secretary ", "secretary-general ", "Comrade ",
                                    "PRESIDENT ", "Premier ", "chairman\n", "and other leaders ",
                                    "successively ", "reſpectively ", "in turn ", "both ",
                                    "each "])
def test_people_gated_patterns_gates_open_for_each_word(before: str) -> None:
    from luoshi.extract.people import en

    assert any(pattern.search(before) and en.may_match(before, words)
               for pattern, words in ((en.INVOKING_TITLE, en.INVOKING_TITLE_WORDS),
                                      (en.OTHERS_BEFORE, en.OTHERS_BEFORE_WORDS)))


def reference_zh_assign_roles(doc: Doc, mentions: list[Mention]) -> dict[str, tuple[str, Span]]:
    """Chinese `assign_roles` as first written: every sentence of the text is looked at and
    searched for pronouns."""
    from luoshi.extract.people import zh
    from luoshi.extract.people.mention import better
    from luoshi.extract.text import sentences

    text, roles = doc.text, {}
    last: Mention | None = None
    taking_part = [m for m in mentions if not m.invoked]
    for start, end in sentences(text, "zh"):
        groups = zh._groups([m for m in taking_part if start <= m.start < end])
        pending: list[Mention] = []
        for number, group in enumerate(groups):
            scope_end = groups[number + 1][0].start if number + 1 < len(groups) else end
            scope_start = max(m.group_end or m.end for m in group)
            role = zh._role_in(text, scope_start, scope_end)
            if role is None:
                pending += group
                continue
            for mention in pending + group:
                if role[0] == "attended" or mention in group:
                    roles[mention.name] = better(roles.get(mention.name), *role)
            pending = []
            last = group[-1]
        for match in zh.PRONOUN.finditer(text, start, end):
            if last is not None:
                roles[last.name] = better(roles.get(last.name), "spoke", match.span())
    return roles


ZH_ROLE_SUBJECTS = ["省委书记王宁", "市长张明、李华", "王宁", "他", "她", "会议", "习近平总书记", "，王宁", ""]
ZH_ROLE_VERBS = ["主持会议", "出席", "参加", "强调", "说", "讲话", ""]
ZH_ROLE_ENDS = ["。", "，", "\n", "。\n", "；", "”。", " ", ""]
ZH_ROLE_TEXT = st.lists(st.tuples(st.sampled_from(ZH_ROLE_SUBJECTS),
                                  st.sampled_from(ZH_ROLE_VERBS), st.sampled_from(ZH_ROLE_ENDS)),
                        max_size=8).map(lambda parts: "".join(map("".join, parts)))


@settings(max_examples=500)
@given(ZH_ROLE_TEXT)
@example("会议。王宁出席。\n他说")  # a pronoun on a line after the last mention's
@example("他强调，省委书记王宁出席")  # a pronoun before the mention in its sentence
def test_people_zh_roles_as_when_every_sentence_is_read(text: str) -> None:
    from luoshi.extract.people import zh

    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    doc = Doc(text=text, doc_id="t", lang="zh")
    mentions = zh.find_mentions(doc, kb)
    assert zh.assign_roles(doc, kb, mentions) == reference_zh_assign_roles(doc, mentions)


@given(st.lists(st.sampled_from(["他", "她", "强调", "说", "指出", "。", "\n", "x"]), max_size=10
                ).map("".join), st.data())
def test_people_zh_pronouns_after_a_position_as_the_pattern_finds_them(text: str,
                                                                      data: st.DataObject
                                                                      ) -> None:
    from luoshi.extract.people import zh

    start = data.draw(st.integers(0, len(text)))
    assert zh._pronouns(text, start) == [m.span() for m in zh.PRONOUN.finditer(text, start)]
