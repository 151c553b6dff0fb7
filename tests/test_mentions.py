"""Where a name stands alone: the same places as the pattern it replaces, without compiling one."""

import random
import re

from storylens.text.mentions import joins, stands_alone, standalone


def _pattern_spans(text: str, keys: list[str]) -> list[tuple[int, int]]:
    ordered = sorted(set(keys), key=len, reverse=True)
    names = "|".join(re.escape(k) for k in ordered)
    return [m.span() for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", text)]


def test_a_name_inside_a_word_or_a_compound_is_not_a_mention():
    text = "Kerry said. Kerryville and Kerry-Edwards, not McKerry; Kerry_x too. (Kerry)"
    assert standalone(text, ["Kerry"]) == [(0, 5), (69, 74)]


def test_the_longest_key_wins_and_mentions_do_not_overlap():
    text = "Secretary John Kerry met Kerry's aide; John Kerry Jr. left."
    spans = standalone(text, ["Kerry", "John Kerry", "John Kerry Jr."])
    assert [text[s:e] for s, e in spans] == ["John Kerry", "Kerry", "John Kerry Jr."]


def test_non_ascii_letters_and_digits_join_a_word():
    assert standalone("Müller, Müllers, 2Müller, Müller\u2019s", ["Müller"]) == [(0, 6), (26, 32)]
    assert joins("é") and joins("7") and joins("_") and joins("-")
    assert not joins("\u2019") and not joins(".") and not joins(" ")


def test_stands_alone_at_the_edges_of_the_text():
    assert stands_alone("Ada", 0, 3)
    assert not stands_alone("Ada-Lee", 0, 3)
    assert not stands_alone("xAda", 1, 4)


def test_empty_keys_are_ignored():
    assert standalone("Ada met Bo.", ["", "Bo"]) == [(8, 10)]


def test_the_same_spans_as_the_pattern_on_random_text():
    rng = random.Random(20261202)
    for _ in range(3000):
        text = "".join(rng.choice("ab -._é1\u2019 \n") for _ in range(rng.randint(0, 30)))
        keys = ["".join(rng.choice("ab-.é ") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4))]
        assert standalone(text, keys) == _pattern_spans(text, keys), (text, keys)
