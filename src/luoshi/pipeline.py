"""The extraction pipeline: a report's text becomes a Record.

The steps, in order (each a function (doc, kb) -> None that adds facts with spans):

 1. language      - zh or en, and the folded view of the text used for matching
 2. furniture     - release date, source, headline, where the body starts, boilerplate
 3. scan          - one pass of the lexicon: formulations, places, officials, outlets
 4. credits       - reporter, photographer and editor lines
 5. mentions      - every mention of a directive, with its numbers
 6. meeting       - the kind of meeting and the organ that held it
 7. people        - participants, roles and titles; people only invoked
 8. places        - jurisdiction and level; the report's province
 9. date          - the meeting's day, with the year inferred when not printed
10. directives    - the directives studied, with catalogue dates and lags
11. formulations  - canonical formulations, longest match winning, less the directives'
                    own names
12. host          - the host body as a canonical English name
13. tasks         - explicitly enumerated tasks
14. fidelity      - how many of the directive's signature formulations are echoed

`STEPS` declares what each step reads and writes; a test checks that no field is
written by two steps.

Many reports go through `extract_batch` a batch at a time, step by step: each step runs
over every report of the batch before the next step starts (as spaCy's `nlp.pipe` runs
each component over a batch). A step's code, regexes and tables then stay in the
processor's caches from one report to the next instead of being pushed out by the other
thirteen steps, which makes extraction about a third faster than one report at a time.
No step reads another report's facts, so the records are the same (a test checks it).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from luoshi.extract.credits import find_credits
from luoshi.extract.dates import find_date
from luoshi.extract.directives import find_directive_mentions, resolve_directives
from luoshi.extract.doc import Doc
from luoshi.extract.fidelity import find_fidelity
from luoshi.extract.formulations import find_formulations
from luoshi.extract.furniture import find_furniture
from luoshi.extract.host import find_host
from luoshi.extract.meeting import find_meeting
from luoshi.extract.people import find_people
from luoshi.extract.places import find_places
from luoshi.extract.tasks import find_tasks
from luoshi.ingest.readers import InputDoc, content_id
from luoshi.kb.loader import KB, load_kb
from luoshi.normalize import fold_and_cjk_share
from luoshi.record import Record

ZH_SHARE = 0.3  # share of CJK among letters above which a text is Chinese


def detect_language(doc: Doc, kb: KB) -> None:
    doc.folded, share = fold_and_cjk_share(doc.text)
    doc.lang = "zh" if share > ZH_SHARE else "en"


def scan_lexicon(doc: Doc, kb: KB) -> None:
    doc.hits = kb.lexicon.scan(doc.folded)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Doc, KB], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]


STEPS = (
    Step("language", detect_language, ("text",), ("lang", "folded")),
    Step("furniture", find_furniture, ("text", "folded", "lang", "published_hint"),
         ("published", "source", "title", "body_start", "skip", "dateline")),
    Step("scan", scan_lexicon, ("folded",), ("hits",)),
    Step("credits", find_credits, ("text", "folded", "lang"), ("credits", "skip:credits")),
    Step("mentions", find_directive_mentions, ("text", "hits", "body_start"),
         ("directive_mentions",)),
    Step("meeting", find_meeting, ("text", "folded", "directive_mentions"),
         ("event.kind", "event.kind_span", "host_phrase")),
    Step("people", find_people, ("text", "hits", "skip"),
         ("event.people", "event.referenced_people")),
    Step("places", find_places, ("host_phrase", "hits", "event.people", "source"),
         ("event.jurisdiction", "province", "event.people.titles.jurisdiction")),
    Step("date", find_date, ("text", "directive_mentions", "published", "dateline",
                             "event.people"),
         ("event.date", "event.date_basis", "event.date_span")),
    Step("directives", resolve_directives, ("directive_mentions", "province", "event.date"),
         ("event.directives",)),
    Step("formulations", find_formulations, ("hits", "skip", "event.directives"),
         ("event.formulations",)),
    Step("host", find_host, ("host_phrase", "event.jurisdiction", "event.kind"),
         ("event.host",)),
    Step("tasks", find_tasks, ("text", "lang", "body_start"), ("event.tasks",)),
    Step("fidelity", find_fidelity, ("event.directives", "event.formulations", "event.tasks"),
         ("event.fidelity",)),
)


def run_steps(doc: Doc, kb: KB) -> Doc:
    for step in STEPS:
        step.run(doc, kb)
    return doc


def extract_document(item: InputDoc, kb: KB | None = None) -> Record:
    """One input document to its record."""
    doc = run_steps(_new_doc(item), kb or load_kb())
    return _record(doc, item)


def extract_batch(items: Sequence[InputDoc], kb: KB | None = None) -> list[Record | Exception]:
    """The records of several input documents, in their order, each one's the same as
    `extract_document` makes it; for a document an extractor failed on, the exception
    instead (the batch's other documents go on). Every step runs over the whole batch
    before the next one starts (see the module's docstring)."""
    kb = kb or load_kb()
    failed: dict[int, Exception] = {}
    live = [(index, _new_doc(item)) for index, item in enumerate(items)]
    docs = dict(live)
    for step in STEPS:
        run, failures = step.run, len(failed)
        for index, doc in live:
            try:
                run(doc, kb)
            except Exception as exc:  # that document's failure, not the batch's
                failed[index] = exc
        if len(failed) > failures:
            live = [(index, doc) for index, doc in live if index not in failed]
    outcomes: list[Record | Exception] = []
    for index, item in enumerate(items):
        try:
            outcomes.append(failed.get(index) or _record(docs[index], item))
        except Exception as exc:
            outcomes.append(exc)
    return outcomes


def _new_doc(item: InputDoc) -> Doc:
    hint = item.published if _is_day(item.published) else None
    doc = Doc(text=item.text, doc_id=item.doc_id, published_hint=hint, url=item.url)
    if item.published is not None and hint is None:
        doc.warn(f"published {item.published!r} is not a YYYY-MM-DD day: ignored")
    return doc


def _record(doc: Doc, item: InputDoc) -> Record:
    record = doc.to_record()
    record.content_hash = content_id(item.text)
    return record


def _is_day(value: object) -> bool:
    try:
        return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False


def extract(text: str, published: str | None = None, doc_id: str | None = None,
            kb: KB | None = None) -> Record:
    """The record of one report's text. `published` (YYYY-MM-DD) helps when the page lacks it.

    >>> record = extract("On the 24th, the provincial government held a party group meeting.",
    ...                  published="2022-10-25")
    >>> record.events[0].date
    '2022-10-24'
    """
    item = InputDoc(doc_id=doc_id or content_id(text), text=text, origin="<text>",
                    published=published)
    return extract_document(item, kb)


# Two short reports that reach what extraction loads on first use: pypinyin and its
# dictionaries (an unknown Chinese name), the folding table, the remembered parses
WARM_UP_TEXTS = (
    "The Hunan Provincial Party Committee held a standing committee meeting on the 24th. "
    "Zhang Xiaoming, secretary of the provincial party committee, presided over the meeting.",
    "10月24日，湖南省委召开常委会会议，张小明主持会议并讲话。会议强调，一是要学习，二是要落实。",
)


def warm_up(kb: KB | None = None) -> None:
    """Load what extraction loads lazily, so that a timing or a worker starts from the
    steady state (importing pypinyin alone takes 0.15 s).

    The knowledge base and those tables then live as long as the process: they are moved
    out of the garbage collector's generations (`gc.freeze`), so that its full passes do
    not walk a quarter of a million objects that never die.
    """
    kb = kb or load_kb()
    for text in WARM_UP_TEXTS:
        extract(text, published="2022-10-25", kb=kb)
    gc.freeze()
