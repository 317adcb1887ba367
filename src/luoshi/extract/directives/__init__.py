"""What the meeting studies and implements: congresses, plenums, speeches, meetings.

`find_directive_mentions` (step) finds every mention with its span and parsed numbers;
`resolve_directives` (step) decides which are the meeting's directives, fills bodies
(a provincial plenum's province), catalogue dates and ids.
"""

from luoshi.extract.directives.mentions import DirectiveMention, find_directive_mentions
from luoshi.extract.directives.resolve import resolve_directives

__all__ = ["DirectiveMention", "find_directive_mentions", "resolve_directives"]
