"""dateline as a library: extract, load, settings, a stage of one's own, errors."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import dateline
from dateline import registry
from dateline.errors import ConfigError, DatelineError
from dateline.settings import Settings

BIN = Path(sys.executable).parent / "dateline"


def test_extract_on_a_seed_equals_the_command_line(seed_text, tmp_path):
    path, text = seed_text("000")
    doc = dateline.extract(text, published="2022-07-09")
    cli = subprocess.run([str(BIN), "extract", "--published", "2022-07-09", path],
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout)
    got = doc.to_json()
    assert got["id"] == expected["id"] and got["source"] == "<text>"
    del got["source"], expected["source"]
    assert got == expected
    assert doc.published_from == "option" and doc.events and doc.quotes


def test_a_pipeline_is_callable_and_pipes(tmp_path):
    nlp = dateline.load(batch=2)
    assert nlp.settings.batch == 2
    texts = ["Ministers met in Oslo on Friday.", "Envoys met in Lima.", "Talks resumed."]
    docs = list(nlp.pipe(texts))
    assert [d.text.strip() for d in docs] == texts
    assert nlp("Envoys met in Lima.", published="2021-03-04").published == "2021-03-04"
    with pytest.raises(ValueError, match="not a date"):
        nlp("Envoys met in Lima.", published="2021-13-45")


def test_settings_come_from_defaults_file_environment_and_arguments(tmp_path):
    file = tmp_path / "dateline.toml"
    file.write_text('[dateline]\nbatch = 8\nmax_chars = 5000\nspacy_model = "x_model"\n',
                    encoding="utf-8")
    assert Settings.load(environ={}).batch == Settings().batch == 64
    from_file = Settings.load(file, environ={})
    assert (from_file.batch, from_file.max_chars, from_file.spacy_model) == (8, 5000, "x_model")
    env = {"DATELINE_BATCH": "16"}
    assert Settings.load(file, environ=env).batch == 16
    assert Settings.load(file, environ=env, batch=4, max_chars=None).batch == 4
    assert Settings.load(file, environ=env, batch=4).max_chars == 5000


@pytest.mark.parametrize(("content", "reason"), [
    ("batch = 'many'", "batch must be a whole number"),
    ("batch = 0", "batch must be at least 1"),
    ("colour = 'red'", "unknown setting 'colour'"),
    ("batch = [", "settings file"),
])
def test_a_bad_setting_is_a_config_error(tmp_path, content, reason):
    file = tmp_path / "bad.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason):
        Settings.load(file, environ={})


def test_a_missing_model_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Envoys met in Lima.\n", encoding="utf-8")
    result = subprocess.run([str(BIN), "extract", str(tmp_path / "a.txt")],
                            capture_output=True, text=True, timeout=120,
                            env={"DATELINE_SPACY_MODEL": "no_such_model", "PATH": "/usr/bin"})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no_such_model" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bug_keeps_its_traceback(tmp_path, monkeypatch):
    """Only what the user can fix is a one-line error: anything else is shown in full."""
    from dateline import cli

    def broken(*_args, **_kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(KeyError):
        cli.main()
    monkeypatch.setattr(cli, "app", lambda: (_ for _ in ()).throw(ConfigError("fix me")))
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 2
    assert issubclass(ConfigError, DatelineError)


def test_a_new_stage_is_one_module_plus_its_data(tmp_path, monkeypatch):
    """Another package's stage: registered by name with what it requires and assigns."""
    package = tmp_path / "shouting"
    package.mkdir()
    (package / "words.txt").write_text("outrage\nscandal\n", encoding="utf-8")
    (package / "__init__.py").write_text(textwrap.dedent('''
        from pathlib import Path

        WORDS = set(Path(__file__).with_name("words.txt").read_text().split())


        class ShoutStage:
            """Marks sentences that carry a loaded word."""

            def __init__(self, settings=None, marker="!"):
                self.marker = marker

            def __call__(self, docs):
                for doc in docs:
                    doc.meta["loaded"] = [
                        [s, e] for s, e in doc.sentences
                        if WORDS & set(doc.text[s:e].lower().replace(".", " ").split())]
    '''), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "STAGES", dict(registry.STAGES))
    dateline.register_stage("shout", "shouting:ShoutStage", requires=["sentences"],
                            assigns=["meta"])
    nlp = dateline.Pipeline(["clean", "parse", "shout"])
    doc = nlp("Calm talks in Oslo.\n\nA scandal in Lima.")
    assert [doc.text[s:e] for s, e in doc.meta["loaded"]] == ["A scandal in Lima."]
    with pytest.raises(dateline.PipelineError, match="'shout' requires sentences"):
        dateline.Pipeline(["clean", "shout"])


def test_the_package_is_typed():
    assert (Path(dateline.__file__).parent / "py.typed").exists()
    assert set(dateline.__all__) >= {"extract", "load", "Pipeline", "Document", "Settings"}
