"""Every record of a fixed set of texts, saved, or compared with a saved set.

    python bench/snapshot.py save FILE     # before a change meant to alter no record
    python bench/snapshot.py check FILE    # after it: "differ 0", or which records differ
    python bench/snapshot.py check --batched FILE   # the same, extracted in batches

A change made for speed must leave records as they were. The set: 4,000 generated reports
(seed 21, 5% duplicates), the test corpora, the seed and dev reports in ../shared and the
bundled samples, in a fixed order (paths relative to the repository, sorted), so that a
copy of the repository elsewhere (a git worktree) compares with the same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from luoshi import jsoncodec
from luoshi.ingest.readers import InputDoc, content_id
from luoshi.kb import load_kb
from luoshi.pipeline import extract, extract_batch

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def texts() -> list[tuple[str, str, str | None]]:
    """(name, text, published) of every text in the set, in its order."""
    chosen: list[tuple[str, str, str | None]] = [
        (f"generated/{r.doc_id}", r.text, r.published)
        for r in generate(4000, seed=21, duplicates=0.05)]
    files = [(f"repo/{p.relative_to(ROOT)}", p) for p in ROOT.glob("tests/corpus/*/*.txt")]
    files += [(f"shared/{p.relative_to(SHARED)}", p) for p in SHARED.glob("*/*.txt")]
    files += [(f"repo/{p.relative_to(ROOT)}", p) for p in (ROOT / "samples").glob("*")
              if p.is_file()]
    for name, path in sorted(files):
        chosen.append((name, path.read_text(encoding="utf-8", errors="replace"), None))
    return chosen


def records(batched: bool = False) -> dict[str, str]:
    """Each text's record, one text at a time, or (`batched`) through
    `pipeline.extract_batch` in batches of 64, as `luoshi extract` and `ingest` run."""
    kb = load_kb()
    chosen = texts()
    if not batched:
        return {name: jsoncodec.dumps_record(extract(text, published, kb=kb))
                for name, text, published in chosen}
    made = {}
    for first in range(0, len(chosen), 64):
        batch = chosen[first:first + 64]
        items = [InputDoc(content_id(text), text, "<text>", published=published)
                 for _, text, published in batch]
        for (name, _, _), record in zip(batch, extract_batch(items, kb), strict=True):
            if isinstance(record, Exception):
                raise record
            made[name] = jsoncodec.dumps_record(record)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--batched", action="store_true",
                        help="extract the texts in batches, as the command line does")
    args = parser.parse_args(argv)
    now = records(args.batched)
    if args.action == "save":
        args.file.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(now)} records to {args.file}")
        return 0
    saved: dict[str, str] = json.loads(args.file.read_text(encoding="utf-8"))
    differ = sorted(name for name in saved.keys() | now.keys() if saved.get(name) != now.get(name))
    print(f"texts {len(now)} differ {len(differ)}")
    for name in differ[:20]:
        old, new = json.loads(saved.get(name) or "{}"), json.loads(now.get(name) or "{}")
        fields = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
        print(f"  {name}: {', '.join(fields)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
