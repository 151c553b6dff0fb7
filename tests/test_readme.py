"""The README's Python example runs as written (a new user copies it)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_python_example_runs(monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has no Python example"
    monkeypatch.chdir(ROOT)  # its paths are relative to the project root
    env: dict = {}
    for code in blocks:
        exec(compile(code, "README.md", "exec"), env)  # noqa: S102 - our own documentation
    out = capsys.readouterr().out
    # the digest's cited sentences name their outlets; the two-document summary cites the second report
    assert "['Reuters']" in out or "['AFP']" in out
    assert env["summary"].sentences and env["summary"].sentences[0].citations == (1,)
    # strings digest as articles; a hand-made article is cleaned as a read one; the store API as documented
    assert [a.id for a in env["quake"].articles] == ["text-1", "text-2"] and env["data"]["facts"]
    assert (env["report"].dateline, env["report"].agency, env["report"].published) == \
        ("Yangon", "Reuters", "2020-01-06")
    assert env["d"].title == env["story"].title and env["hits"]
    assert all(h.story_id == env["story"].id for h in env["hits"])
    # a stored story's update since its first version cites the one report that joined after it
    news = env["news"]
    assert env["versions"] == [1, 2] and news.update.since == "version 1" and len(news.update.new_article_ids) == 1
    cited = {news.articles[i].id for s in news.summary.sentences for i in s.citations}
    assert cited == set(news.update.new_article_ids)
