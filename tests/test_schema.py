"""The JSON digest follows report/schema.json: the bundled example's, a DUC story's, with and without text."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from storylens import Article, Options, digest
from storylens.cli import main
from storylens.report import to_dict

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")

RULES = Options(use_spacy=False)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("storylens.report").joinpath("schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_the_example_digest_follows_the_schema(validator, example_dir, tmp_path, capsys):
    out = tmp_path / "d.json"
    assert main(["digest", str(example_dir), "--format", "json", "--entities", "rules", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert _errors(validator, data) == []
    assert data["schema"] == "storylens.digest/1" and data["facts"] and data["coverage"]["sources"]
    assert "text" not in data["articles"][0]


def test_include_text_lets_a_reader_follow_every_offset(validator, example_dir, tmp_path):
    out = tmp_path / "d.json"
    assert main(["digest", str(example_dir), "-f", "json", "--entities", "rules", "--include-text",
                 "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert _errors(validator, data) == []
    text = {a["id"]: a["text"] for a in data["articles"]}
    for s in data["summary"]:
        own = s["evidence"][0]  # the sentence's own span; the other carriers' spans may word it otherwise
        assert own["article_id"] == s["citations"][0] and text[own["article_id"]][own["start"]:own["end"]] == s["text"]
        for e in s["evidence"]:
            assert 0 <= e["start"] < e["end"] <= len(text[e["article_id"]])
    claims = [c for g in data["facts"] for c in g["claims"]]
    assert claims and all(text[c["article_id"]][c["start"]:c["end"]] == c["text"] for c in claims)


def test_a_duc_story_follows_the_schema(validator, data_dir):
    path = data_dir / "duc2007_update.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    rec = json.loads(path.open(encoding="utf-8").readline())
    dates = rec["meta"].get("doc_dates") or []
    arts = [Article(id=rec["meta"]["doc_ids"][j], text=t, published=dates[j] if j < len(dates) else None)
            for j, t in enumerate(rec["documents"])]
    data = to_dict(digest(arts, max_words=100, options=RULES))
    assert _errors(validator, data) == []
    assert len(data["articles"]) == len(arts) and data["summary"]


def test_the_schema_catches_a_renamed_key(validator, example_articles):
    data = to_dict(digest(example_articles[:2], options=RULES))
    assert _errors(validator, data) == []
    data["figures"] = data.pop("facts")
    assert any("'facts' is a required property" in e for e in _errors(validator, data))


def test_typed_coverage_and_meta_round_trip_to_the_same_json(example_articles):
    d = digest(example_articles, options=RULES)
    assert d.meta.method == "storylens" and d.meta.entities_backend == "rules"
    assert all(src.label for src in d.coverage.sources.values())
    again = type(d)(**{**{f: getattr(d, f) for f in d.__dataclass_fields__},
                       "coverage": to_dict(d)["coverage"], "meta": to_dict(d)["meta"]})
    assert to_dict(again) == to_dict(d) == d.to_dict()


def test_the_typed_coverage_keeps_every_key_the_evidence_stage_gives(example_articles):
    from storylens.evidence import analyze

    d = digest(example_articles, options=RULES, check_mixed=False)
    found = analyze(list(d.articles), d.summary, RULES)  # the digest's articles: their language identified
    # a key the evidence stage adds needs its field in models.Coverage / DigestMeta, or it would be dropped
    assert json.loads(json.dumps(found["coverage"])) == to_dict(d)["coverage"]
    assert set(found["meta"]) <= set(to_dict(d)["meta"])
