"""``import storylens`` loads nothing heavy: the public names are imported on first use."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("numpy", "scipy", "ftfy", "trafilatura", "feedparser", "dateparser", "datasketch", "storylens.pipeline")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         check=True, capture_output=True, text=True).stdout
    return set(out.split())


def test_import_storylens_imports_no_heavy_module():
    loaded = _modules_after("import storylens")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_a_public_name_is_imported_on_first_use_and_names_are_listed():
    loaded = _modules_after("import storylens\nassert callable(storylens.summarize)")
    assert "storylens.summarizers" in loaded
    import storylens

    assert {"summarize", "digest", "cluster", "render", "open_store", "load_articles", "Options"} <= set(dir(storylens))
    try:
        storylens.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown attribute did not raise")


def test_the_version_command_imports_no_stage():
    loaded = _modules_after("import storylens.cli as c\ntry:\n    c.main(['--version'])\nexcept SystemExit:\n    pass")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
