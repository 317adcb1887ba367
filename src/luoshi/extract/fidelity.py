"""How faithfully the meeting echoes its directive (step).

`echo` is the share of the main directive's signature formulations (directives.tsv,
column signature) that the report uses; `local` lists the local formulations it adds;
`tasks` counts its enumerated tasks. The main directive is the first studied one that
has a signature; without one, echo is null.
"""

from __future__ import annotations

from functools import lru_cache

from luoshi.extract.doc import Doc
from luoshi.kb.loader import KB
from luoshi.record import Fidelity


def find_fidelity(doc: Doc, kb: KB) -> None:
    """Step: event.fidelity."""
    event = doc.event
    local = [f.zh for f in event.formulations if f.scope != "central"]
    for directive in event.directives:  # the first with a signature is the main one
        entry = kb.directive_by_id.get(directive.id)
        if entry and entry.signature:
            break
    else:
        # directive, echo, signature, matched, local, tasks: by position, quicker than by keyword
        event.fidelity = Fidelity(None, None, [], [], local, len(event.tasks))
        return
    signature = list(entry.signature)
    used = {f.zh for f in event.formulations}
    matched = [zh for zh in signature if zh in used]
    event.fidelity = Fidelity(directive.id, _echo(len(matched), len(signature)), signature,
                              matched, local, len(event.tasks))


@lru_cache(maxsize=1024)  # signatures list a few formulations: few pairs of counts
def _echo(matched: int, listed: int) -> float:
    """round(matched / listed, 4), remembered: rounding to digits runs the float-to-decimal
    conversion, a long path that, cold between the other steps, cost more than the step."""
    return round(matched / listed, 4)
