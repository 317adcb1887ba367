"""The host body as a canonical English name (step).

Built from the host organ the text names, its level and the jurisdiction: "Zhejiang
Provincial Government Party Group", "Heilongjiang Provincial Party Committee", "Municipal
Party Committee" when the city is not named.
"""

from __future__ import annotations

from luoshi.extract.doc import Doc
from luoshi.extract.titles import nice_org
from luoshi.kb.loader import KB

LEVEL_ADJECTIVE = {"province": "Provincial", "city": "Municipal", "county": "County",
                   "township": "Township"}
ZH_ORG_ENGLISH = [
    ("委常委会", "Party Committee Standing Committee"), ("政府党组", "Government Party Group"),
    ("人大常委会党组", "People's Congress Standing Committee Party Group"),
    ("人大常委会", "People's Congress Standing Committee"), ("政协党组", "CPPCC Party Group"),
    ("政协", "CPPCC"), ("纪委监委", "Commission for Discipline Inspection"),
    ("政府", "Government"), ("人大", "People's Congress"), ("委", "Party Committee"),
    ("党委", "Party Committee"),
]
KIND_SUFFIX = {"party_group_meeting": "Party Group", "theory_study_group": "Theory Study Group",
               "standing_committee_meeting": "Standing Committee"}
ZH_CENTRAL = {"全国人大常委会": "Standing Committee of the National People's Congress",
              "中央纪委": "Central Commission for Discipline Inspection",
              "中共中央": "CPC Central Committee", "国务院": "State Council",
              "全国政协": "CPPCC National Committee",
              "中央统战部": "United Front Work Department of the CPC Central Committee",
              "中央宣传部": "Publicity Department of the CPC Central Committee",
              "中央组织部": "Organization Department of the CPC Central Committee",
              "国家发展改革委": "National Development and Reform Commission",
              "国家监委": "National Supervisory Commission"}


def find_host(doc: Doc, kb: KB) -> None:
    """Step: event.host."""
    phrase = doc.host_phrase
    if phrase is None:
        return
    if phrase.level == "central":
        doc.event.host = ZH_CENTRAL.get(phrase.org, nice_org(phrase.org)) if doc.lang == "zh" \
            else nice_org(phrase.org)
        return
    org = _org_english(doc, phrase.org)
    jurisdiction = doc.event.jurisdiction
    adjective = LEVEL_ADJECTIVE.get(phrase.level or "", "")
    if jurisdiction.name in ("Beijing", "Shanghai", "Tianjin", "Chongqing"):
        adjective = "Municipal"
    suffix = KIND_SUFFIX.get(doc.event.kind, "")
    if suffix and suffix.split()[-1] in org:
        suffix = ""
    if suffix == "Standing Committee" and "Government" in org:
        suffix = ""
    parts = [jurisdiction.name if phrase.level != "central" else None, adjective, org, suffix]
    # str.split splits at what \s matches: runs of white space made one space, ends stripped
    doc.event.host = " ".join(" ".join(filter(None, parts)).split()) or None


def _org_english(doc: Doc, org: str) -> str:
    if doc.lang != "zh":
        return nice_org(org.replace("Directorate", "Bureau"))
    for surface, english in ZH_ORG_ENGLISH:
        if org == surface:
            return english
    return org
