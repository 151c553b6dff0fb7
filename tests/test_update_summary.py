"""Update summaries: what later articles add, never what an earlier one already said."""

from __future__ import annotations

import pytest

from storylens.summarizers.update import summarize_update

EARLIER = [
    "A magnitude 6.1 earthquake struck near Mogok in Myanmar on Sunday, killing 12 people, officials said. "
    "Rescuers searched the rubble of collapsed homes through the night in the hill town. "
    "The quake was felt as far away as Mandalay, where buildings swayed for several seconds.",
]
LATER = [
    "A magnitude 6.1 earthquake struck near Mogok in Myanmar on Sunday, killing 12 people, officials said. "
    "The government on Tuesday sent army engineers and three field hospitals to the stricken district. "
    "Aid groups said clean water was running short in camps that now shelter about 4,000 families.",
    "The United Nations pledged two million dollars in emergency aid for the families left homeless. "
    "Army engineers began clearing the mountain road to Mogok, which landslides had blocked since the quake.",
]


def test_a_sentence_an_earlier_article_carries_is_never_chosen_and_citations_index_the_later_articles():
    summary = summarize_update(EARLIER, LATER, 60)
    texts = [s.text for s in summary.sentences]
    assert texts, "an update with new content gave an empty summary"
    assert not any(t.startswith("A magnitude 6.1 earthquake") for t in texts)
    assert any("field hospitals" in t or "two million dollars" in t or "clean water" in t for t in texts)
    for s in summary.sentences:
        assert s.citations and all(0 <= c < len(LATER) for c in s.citations)
        assert all(s.text in LATER[c] for c in s.citations[:1])
    assert summary.method.endswith("+update")


def test_without_earlier_articles_the_update_is_the_plain_summary():
    from storylens import summarize

    assert [s.text for s in summarize_update([], LATER, 60).sentences] == \
        [s.text for s in summarize(LATER, 60).sentences]


def test_when_everything_was_known_the_update_is_empty():
    assert summarize_update(LATER, LATER, 60).sentences == ()


def test_duc_update_sets_beat_the_best_baseline_on_the_new_documents(data_dir, bench_script, floors):
    pytest.importorskip("rouge_score")
    pytest.importorskip("sumy")
    path = data_dir / "duc2007_update.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    bench = bench_script("update_eval")
    res = bench.run(path, "all", bench.REDUNDANCY, ("lexrank",))["systems"]
    got = res["storylens-update"]["B+C rouge2_recall"]
    floors.check("update_duc2007", {"rouge2_recall": got,
                                    "rouge2_recall_over_lexrank": got - res["lexrank"]["B+C rouge2_recall"]})
