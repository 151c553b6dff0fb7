"""The blind evidence set: which articles, which half, and a reading aid for the annotator.

    .venv/bin/python benchmarks/evidence_annotate.py select          # the seeded draw and the topic split
    .venv/bin/python benchmarks/evidence_annotate.py select-rest     # ducdev2: the topics it left (development)
    .venv/bin/python benchmarks/evidence_annotate.py show D0701A 3   # one article, cleaned, with candidates
    .venv/bin/python benchmarks/evidence_annotate.py build ducdev2   # ducdev2.json from ducdev2_notes/
    .venv/bin/python benchmarks/evidence_annotate.py build NOTES_DIR # fill dev.json/blind.json from notes

``select`` is the procedure of benchmarks/evidence_protocol.md (section "Selection"): it prints the draw
that benchmarks/evidence_gold/{dev,blind}.json hold, so anyone can check the split was not chosen by hand.
``show`` prints the cleaned text (the text storylens reads, so offsets line up) with candidates found by
simple regular expressions of this file alone (quotation marks, digits and number words, weekday/month/
relative-day words); they are a reminder against misses while reading, never storylens's own output. It refuses
the blind half's topics (their ids read from blind.json's ``selection.blind_topics``, nothing else of that file).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MAIN = DATA / "duc2007_main_pyr23.jsonl"
SEED = 20261201
N_TOPICS = 15
PER_TOPIC = 4
MIN_WORDS, MAX_WORDS = 200, 700
# topics whose DUC 2007 update clusters are in benchmarks/facts_gold.json: the extractor was fixed on them,
# so they may only be development stories
SEEN_TOPICS = {"D0716", "D0721", "D0726", "D0727", "D0736", "D0740", "D0743"}


def load_clusters() -> list[dict]:
    return [json.loads(line) for line in MAIN.open(encoding="utf-8")]


def cleaned(rec: dict, k: int):
    """Article ``k`` of cluster ``rec`` as storylens reads it (cleaned text, dated with ``meta.doc_dates``)."""
    from storylens.ingest import article_from_text

    return article_from_text(rec["documents"][k], id=f"{rec['id']}/{k}",
                             published=rec["meta"]["doc_dates"][k][:10])


def convention(text: str) -> str:
    """The article's quotation marks: ``backtick`` (``...''), ``apostrophes`` (''...'') or ``other``."""
    if "``" in text:
        return "backtick"
    return "apostrophes" if "''" in text else "other"


def select(clusters: list[dict]) -> dict:
    """The seeded draw: N_TOPICS topics, PER_TOPIC articles of MIN_WORDS..MAX_WORDS words each (one from
    the apostrophe convention where the topic has one), then the topics split into halves."""
    rng = random.Random(SEED)
    topics = sorted(clusters, key=lambda r: r["id"])
    rng.shuffle(topics)
    chosen = []
    for rec in topics:
        arts = [cleaned(rec, k) for k in range(len(rec["documents"]))]
        ok = [k for k, a in enumerate(arts) if MIN_WORDS <= len(a.text.split()) <= MAX_WORDS]
        if len(ok) < PER_TOPIC:
            continue
        apos = [k for k in ok if convention(arts[k].text) == "apostrophes"]
        picks = [rng.choice(apos)] if apos else []
        rest = [k for k in ok if k not in picks]
        picks += rng.sample(rest, PER_TOPIC - len(picks))
        chosen.append((rec["id"], sorted(picks)))
        if len(chosen) == N_TOPICS:
            break
    order = [t for t, _ in chosen]
    rng.shuffle(order)
    n_blind = (len(order) + 1) // 2
    blind = [t for t in order if t.split("-")[1][:5] not in SEEN_TOPICS][:n_blind]
    return {"seed": SEED, "blind": sorted(blind),
            "dev": sorted(t for t in order if t not in blind),
            "articles": {t: p for t, p in chosen}}


# the second DUC development set (ducdev2, wave 2 session 8): the topics the first draw left, drawn the same way
SEED2 = 20261202


def select_rest(clusters: list[dict]) -> dict:
    """The ducdev2 draw: every topic :func:`select` did not choose, PER_TOPIC articles of MIN_WORDS..MAX_WORDS
    words each (one in the apostrophe convention where the topic has one), seed SEED2. Development only."""
    taken = set(select(clusters)["articles"])
    rng = random.Random(SEED2)
    chosen = {}
    for rec in sorted((r for r in clusters if r["id"] not in taken), key=lambda r: r["id"]):
        arts = [cleaned(rec, k) for k in range(len(rec["documents"]))]
        ok = [k for k, a in enumerate(arts) if MIN_WORDS <= len(a.text.split()) <= MAX_WORDS]
        if len(ok) < PER_TOPIC:
            continue
        apos = [k for k in ok if convention(arts[k].text) == "apostrophes"]
        picks = [rng.choice(apos)] if apos else []
        picks += rng.sample([k for k in ok if k not in picks], PER_TOPIC - len(picks))
        chosen[rec["id"]] = sorted(picks)
    return {"seed": SEED2, "articles": chosen}


NUM = re.compile(r"(?<![\w.])(\$|US\$)?\d[\d,.]*(\s*(million|billion|trillion|percent|%))?|\b(two|three|four|five|"
                 r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|"
                 r"thousand|thousands|dozen|dozens|million|millions|billion)\b", re.I)
TIME = re.compile(r"\b(today|tonight|yesterday|tomorrow|(last|next|this) (week|month|year|spring|summer|fall|"
                  r"winter)|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)( night| morning)?|"
                  r"(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.?( \d{1,2})?(, \d{4})?|"
                  r"(19|20)\d\d|\d+ (days|weeks|months|years) (ago|earlier|later))\b")
QMARK = re.compile(r"``|''|\"|\u201c|\u201d")


def show(rec: dict, k: int) -> None:
    a = cleaned(rec, k)
    t = a.text
    print(f"== {a.id} {rec['meta']['doc_ids'][k]} published {a.published} ({convention(t)}, {len(t.split())} words)")
    print(t)
    if a.published:
        from datetime import date, timedelta

        pub = date.fromisoformat(a.published)
        week = [pub - timedelta(days=i) for i in range(7)]
        print("-- published", pub.strftime("%A"), "; past days:", ", ".join(d.strftime("%a %m-%d") for d in week),
              "; last week's Monday:", (pub - timedelta(days=pub.weekday() + 7)).isoformat())
    print("-- quotation marks:", " ".join(f"{m.start()}{m.group()}" for m in QMARK.finditer(t)))
    print("-- numbers:", "; ".join(f"{m.start()}:{m.group()}" for m in NUM.finditer(t)))
    print("-- times:", "; ".join(f"{m.start()}:{m.group()}" for m in TIME.finditer(t)))


SCALE = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
OPENERS = {"``": "''", "''": "''", '"': '"', "\u201c": "\u201d"}


def _number(tok: str) -> float:
    m = re.fullmatch(r"([\d.]+)(k|m|bn|tn)?", tok)
    if not m:
        raise ValueError(f"bad value {tok!r}")
    return float(m.group(1)) * SCALE.get(m.group(2) or "", 1.0)


def _find(text: str, anchor: str, cursor: int) -> int:
    at = text.find(anchor, cursor)
    if at < 0:
        at = text.lower().find(anchor.lower(), cursor)
    if at < 0:
        raise ValueError(f"anchor {anchor!r} not found after offset {cursor}")
    return at


def quote_span(text: str, at: int) -> tuple[int, int]:
    """The quoted words that begin at ``at``: from after the opening mark to before its closing mark
    (or the paragraph's end: a quotation that runs on opens again in the next paragraph)."""
    head = text[max(0, at - 3):at].rstrip(" ")
    opener = next((o for o in OPENERS if head.endswith(o)), None)
    para_end = text.find("\n", at)
    para_end = len(text) if para_end < 0 else para_end
    if opener is None:
        raise ValueError(f"no opening mark before offset {at}: {text[at - 5:at + 20]!r}")
    close = text.find(OPENERS[opener], at, para_end)
    return at, close if close >= 0 else para_end


def parse_figure(spec: str) -> dict:
    """``VALUE [UNIT] : THING [; ALT, ALT] [@GROUP]`` (VALUE ``12``, ``21.5m``, ``2m-5m`` range, ``1/500`` rate)."""
    group = ""
    if "@" in spec:
        spec, group = spec.rsplit("@", 1)
    num, _, thing = spec.partition(":")
    thing, _, alts = thing.partition(";")
    value_s, _, unit = num.strip().partition(" ")
    fig: dict = {"unit": unit.strip(), "thing": thing.strip()}
    if "/" in value_s:
        a, b = value_s.split("/")
        fig.update(value=_number(a), per=_number(b), kind="rate")
    elif "-" in value_s:
        a, b = value_s.split("-")
        fig.update(value=_number(a), high=_number(b), kind="range")
    else:
        fig["value"] = _number(value_s)
        fig["kind"] = {"%": "percent", "USD": "money", "": "count"}.get(fig["unit"], "measure")
    fig["heads"] = [thing.split()[-1].lower()] + [x.strip().lower() for x in alts.split(",") if x.strip()]
    if group.strip():
        fig["group"] = group.strip()
    return fig


def note_lines(notes: str) -> Iterator[tuple[str, str, str, str]]:
    """``(kind, anchor, spec, line)`` of each annotator's notes line ``K ANCHOR => SPEC`` (blank lines and
    ``#`` comments skipped); this script's :func:`build` and evidence_fresh.py's read them."""
    for line in notes.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, rest = line[0], line[1:].strip()
        anchor, _, spec = rest.partition("=>")
        yield kind, anchor.strip(), spec.strip(), line


def build(text: str, notes: str) -> dict:
    """One article's annotations from the annotator's notes (lines ``Q|F|T ANCHOR => ...``, in text order)."""
    out: dict = {"quotes": [], "figures": [], "times": []}
    cursor = {"Q": 0, "q": 0, "F": 0, "T": 0}
    for kind, anchor, spec, line in note_lines(notes):
        at = _find(text, anchor, cursor[kind])
        cursor[kind] = at + 1
        if kind in "Qq":
            s, e = quote_span(text, at) if kind == "Q" else (at, text.find("''", at))
            out["quotes"].append({"start": s, "end": e, "anchor": anchor,
                                  "speaker": None if spec == "?" else spec})
        elif kind == "F":
            out["figures"].append({"start": at, "end": at + len(anchor), "anchor": anchor, **parse_figure(spec)})
        elif kind == "T":
            out["times"].append({"start": at, "end": at + len(anchor), "anchor": anchor,
                                 "date": None if spec == "null" else spec})
        else:
            raise ValueError(f"unknown line {line!r}")
    return out


def notes_by_doc(path: Path) -> dict[int, str]:
    """``{doc: notes}`` of one topic's notes file (``## DOC`` headers; what precedes the first is comment)."""
    parts = re.split(r"^## *(\d+) *$", path.read_text(encoding="utf-8"), flags=re.M)
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}


def build_all(notes_dir: Path) -> None:
    """Fill benchmarks/evidence_gold/{dev,blind}.json from notes files named TOPIC.txt (``## DOC`` headers)."""
    clusters = {r["id"]: r for r in load_clusters()}
    for half in ("dev", "blind"):
        path = ROOT / "benchmarks" / "evidence_gold" / f"{half}.json"
        gold = json.loads(path.read_text(encoding="utf-8"))
        for story in gold["stories"]:
            notes = notes_dir / f"{story['id'].split('-')[1]}.txt"
            if not notes.exists():
                continue
            by_doc = notes_by_doc(notes)
            for doc in story["docs"]:
                if doc["doc"] in by_doc:
                    text = cleaned(clusters[story["id"]], doc["doc"]).text
                    try:
                        doc.update(build(text, by_doc[doc["doc"]]))
                    except ValueError as exc:
                        print(f"{story['id']}/{doc['doc']}: {exc}")
                    doc["annotated"] = True
        path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


BLIND_GOLD = ROOT / "benchmarks" / "evidence_gold" / "blind.json"


def blind_topics() -> list[str]:
    """The blind half's topic ids (``duc2007main-D0703A``), read from blind.json's ``selection`` alone."""
    return json.loads(BLIND_GOLD.read_text(encoding="utf-8"))["selection"]["blind_topics"]


def refusal(topic: str | None) -> str | None:
    """Why ``show`` will not print ``topic``'s articles (a blind topic, or none named), else None. A name that
    ends any blind topic's id is refused, so no shorter spelling ("3A") reaches one."""
    if not topic:
        return "show needs a topic (D0704A) and article numbers"
    hit = [t for t in blind_topics() if t.endswith(topic)]
    if hit:
        return f"refused: {hit[0]} is a topic of the blind half (benchmarks/evidence_gold/blind.json); never read it"
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["select", "select-rest", "show", "build"])
    ap.add_argument("topic", nargs="?")
    ap.add_argument("docs", nargs="*", type=int)
    args = ap.parse_args(argv)
    why = refusal(args.topic) if args.what == "show" else None
    if why:
        print(why)
        return 2
    if not MAIN.exists():
        print(f"skipped: {MAIN} not found")
        return 0
    if args.what == "build" and args.topic == "ducdev2":
        import evidence_ducdev2

        return evidence_ducdev2.build()
    if args.what == "build":
        build_all(Path(args.topic))
        return 0
    clusters = load_clusters()
    if args.what in ("select", "select-rest"):
        print(json.dumps((select if args.what == "select" else select_rest)(clusters), indent=1))
        return 0
    rec = next((r for r in clusters if r["id"].endswith(args.topic)), None)
    if rec is None:
        print(f"no topic {args.topic!r} in {MAIN.name}")
        return 2
    for k in args.docs:
        show(rec, k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
