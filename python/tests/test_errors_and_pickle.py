"""Errors carry the CLI's messages and limits; a Scorer pickles cheaply."""

import pickle

import pytest

import skillgap

from conftest import AS_OF, FIXTURES, RESUMES

UNREADABLE = [
    "encrypted-user-password.pdf",
    "scanned-image-only.pdf",
    "random-bytes.pdf",
    "zero-bytes.pdf",
    "truncated-half.pdf",
    "opendocument-not-docx.odt",
]


@pytest.mark.parametrize("doc", UNREADABLE)
def test_unreadable_files_raise_with_the_cli_message(cli, scorer, doc):
    path = FIXTURES / "docs" / doc
    message = cli.error("score", path)
    with pytest.raises(skillgap.UnreadableError) as e:
        scorer.score(path)
    assert str(e.value) == message
    assert isinstance(e.value, ValueError)
    # The same cause for the content, named <bytes>.
    with pytest.raises(skillgap.UnreadableError) as e:
        scorer.score(path.read_bytes())
    assert str(e.value) == "<bytes>: " + message.split(": ", 1)[1]
    with pytest.raises(skillgap.UnreadableError) as e:
        skillgap.extract_text(path)
    assert str(e.value) == message


def test_a_missing_file_has_the_cli_message(cli, scorer):
    missing = FIXTURES / "resumes" / "nobody.pdf"
    with pytest.raises(skillgap.UnreadableError) as e:
        scorer.score(missing)
    assert str(e.value) == cli.error("score", missing) == f"{missing}: no such file"


def test_the_size_limit_is_the_cli_max_file_size(cli, tmp_path):
    big = RESUMES[0]
    small = skillgap.Scorer(as_of=AS_OF, max_file_size=100)
    with pytest.raises(skillgap.UnreadableError) as e:
        small.score(big)
    assert str(e.value) == cli.error("score", big, "--max-file-size", "100")
    with pytest.raises(skillgap.UnreadableError, match="over the limit"):
        small.score_text(big.read_text(encoding="utf-8"))
    with pytest.raises(skillgap.UnreadableError, match="over the limit"):
        skillgap.extract_text(big, max_file_size=100)


def test_empty_text_and_bad_arguments():
    s = skillgap.Scorer()
    with pytest.raises(skillgap.UnreadableError, match="^<text>: empty input, nothing to score$"):
        s.score_text("  \n\n")
    with pytest.raises(TypeError):
        s.score(42)
    with pytest.raises(TypeError):
        s.score_text(b"bytes are not text")
    with pytest.raises(ValueError, match="did you mean `senior`"):
        skillgap.Scorer(level="seinor")
    with pytest.raises(ValueError, match="is not a month"):
        skillgap.Scorer(as_of="November")
    with pytest.raises(ValueError, match="no such file"):
        skillgap.Scorer(taxonomy="no/such/taxonomy.yaml")
    with pytest.raises(ValueError, match="timeout"):
        skillgap.Scorer(timeout=0)


def test_a_job_description_that_cannot_be_read_is_named(scorer):
    with pytest.raises(skillgap.UnreadableError, match="^job description <text>: empty input"):
        scorer.match(RESUMES[0], "")


def test_a_scorer_pickles_as_its_settings_and_scores_the_same(scorer):
    data = pickle.dumps(scorer)
    assert len(data) < 300, len(data)
    again = pickle.loads(data)
    assert repr(again) == repr(scorer)
    assert again.score(RESUMES[0]) == scorer.score(RESUMES[0])


def test_a_custom_taxonomy_travels_inside_the_pickle(tmp_path):
    taxonomy = tmp_path / "extra.yaml"
    taxonomy.write_text(
        "extends: builtin\nskills:\n  - id: elixir\n    name: Elixir\n    kind: language\n",
        encoding="utf-8",
    )
    s = skillgap.Scorer(taxonomy, as_of=AS_OF, level="senior", fuzzy=False, timeout=5)
    data = pickle.dumps(s)
    taxonomy.unlink()  # a worker does not have the file
    again = pickle.loads(data)
    text = "SKILLS\nElixir, Go\n"
    assert again.score_text(text) == s.score_text(text)
    assert any(k["id"] == "elixir" for k in again.score_text(text)["skills"])
    assert (again.level, again.fuzzy, again.timeout) == ("senior", False, 5.0)


def test_unreadable_errors_pickle_too():
    e = pickle.loads(pickle.dumps(skillgap.UnreadableError("x: no such file")))
    assert isinstance(e, skillgap.UnreadableError) and str(e) == "x: no such file"
