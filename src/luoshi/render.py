"""Records as text for people: the `table` output of `luoshi extract`."""

from __future__ import annotations

from luoshi.record import Record


def record_block(record: Record) -> str:
    """One readable block: date, host, jurisdiction, directives with lags, people, ..."""
    lines = [f"== {record.doc_id} ({record.lang})" + (f"  {record.title[:70]}" if record.title
                                                       else "")]
    if record.published or record.source:
        lines.append(f"   published {record.published or '?'}  source {record.source or '?'}")
    for event in record.events:
        place = event.jurisdiction
        lines.append(f"   date      {event.date or '?'} ({event.date_basis or 'unknown basis'})")
        lines.append(f"   meeting   {event.kind}  host {event.host or '?'}")
        lines.append(f"   place     {place.name or '?'} ({place.level})"
                     + (f", province {place.province}" if place.province and
                        place.province != place.name else ""))
        for directive in event.directives:
            lag = f"lag {directive.lag_days} d" if directive.lag_days is not None else "lag ?"
            name = directive.label or directive.topic or directive.id
            lines.append(f"   directive {directive.id}: {name} ({lag})")
        for person in event.people:
            titles = "; ".join(f"{t.post}, {t.org or '?'}" for t in person.titles)
            lines.append(f"   person    {person.name} [{person.role}]"
                         + (f" {titles}" if titles else ""))
        if event.referenced_people:
            lines.append(f"   mentions  {', '.join(event.referenced_people)}")
        if event.formulations:
            tifa = ", ".join(f"{f.zh}×{f.count}" if f.count > 1 else f.zh
                             for f in event.formulations)
            lines.append(f"   tifa      {tifa}")
        if event.fidelity and event.fidelity.echo is not None:
            lines.append(f"   fidelity  echo {event.fidelity.echo:.2f} of "
                         f"{event.fidelity.directive}")
        for task in event.tasks:
            lines.append(f"   task {task.list}.{task.ordinal}  {task.text[:80]}")
    for credit in record.credits:
        lines.append(f"   credit    {credit.name} ({credit.role})")
    for warning in record.warnings:
        lines.append(f"   warning   {warning}")
    return "\n".join(lines)
