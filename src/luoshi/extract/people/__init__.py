"""People: who took part in the meeting, in which role, with which titles (step).

Each language module finds name mentions (with titles) and role cues; this module
merges mentions of one person, ranks roles (presided > spoke > reported > attended),
and sends people who are only invoked (General Secretary Xi Jinping's speech) to
referenced_people.
"""

from __future__ import annotations

from luoshi.extract.doc import Doc
from luoshi.extract.people import en, zh
from luoshi.extract.people.mention import ROLE_RANK, Mention
from luoshi.kb.loader import KB
from luoshi.record import Person, Title


def find_people(doc: Doc, kb: KB) -> None:
    """Step: event.people, event.referenced_people."""
    module = zh if doc.lang == "zh" else en
    mentions = module.find_mentions(doc, kb)
    roles = module.assign_roles(doc, kb, mentions)
    people: dict[str, Person] = {}
    order: list[str] = []
    for mention in mentions:
        role = roles.get(mention.name)
        if role is None:
            continue
        person = people.get(mention.name)
        if person is None:
            person = Person(name=mention.name, role=role[0], zh=mention.zh, role_span=role[1],
                            repaired_from=mention.repaired_from)
            people[mention.name] = person
            order.append(mention.name)
            if mention.repaired_from:
                doc.warn(f"name {mention.repaired_from!r} read as {mention.name!r}")
        person.spans.append((mention.start, mention.end))
        person.zh = person.zh or mention.zh
        _add_titles(person, mention.titles)
    doc.event.people = [people[n] for n in order]
    referenced: list[str] = []
    for mention in mentions:
        if mention.name in people or mention.name in referenced:
            continue
        if mention.invoked or mention.known:
            referenced.append(mention.name)
        else:
            doc.warn(f"name {mention.name!r} has no role in the meeting; left out")
    doc.event.referenced_people = referenced


def _add_titles(person: Person, titles: list[Title]) -> None:
    for title in titles:
        if all((t.post, t.org) != (title.post, title.org) for t in person.titles):
            if any(t.post == title.post and (t.org is None or title.org is None)
                   for t in person.titles):
                continue
            person.titles.append(title)


__all__ = ["ROLE_RANK", "Mention", "find_people"]
