"""Captions are read by their credit: the quick word check passes over a sentence only when the credit
pattern could not match it."""

from __future__ import annotations

import pytest

from storylens.summarizers.coherence import _CREDIT, is_caption


@pytest.mark.parametrize("text, caption", [
    ("Residents wade through flood water on Monday (Photo: Jane Roe/Northtown Press)", True),
    ("Smoke rises over the eastern districts. (AFP PHOTO / George Ourfalian)", True),
    ("Rescuers carry a child from the rubble. Video: Reuters", True),
    ("A mural in the old town (Image credit: city archive).", True),
    ("Firefighters at the scene (Footage by Northtown TV)", True),
    ("Caf\u00e9 owners clear the street (Photo: R\u00e9mi Dupont)", True),
    ("The council published a photo of the barrier on Monday.", False),
    ("The video showed the barrier failing, officials said.", False),
    ("Water rose through the town centre, the council said.", False),
    ("Le caf\u00e9 a ferm\u00e9 ses portes lundi.", False),
])
def test_a_caption_is_its_credit_and_the_word_check_agrees_with_the_pattern(text, caption):
    assert is_caption(text) is caption
    assert is_caption(text) is bool(_CREDIT.search(text))
