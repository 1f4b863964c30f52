"""Scorer.score / score_text / match give exactly the CLI's JSON."""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import skillgap

from conftest import AS_OF, FIXTURES, JOBS, RESUMES


@pytest.mark.parametrize("resume", RESUMES, ids=lambda p: p.name)
def test_path_bytes_and_text_all_equal_the_cli_json(cli, scorer, resume):
    expected = cli.json("score", resume)
    assert scorer.score(str(resume)) == expected
    assert scorer.score(resume) == expected  # os.PathLike
    assert scorer.score(resume.read_bytes()) == expected
    assert scorer.score_text(resume.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    "doc",
    ["table-and-bullets.docx", "one-column-libreoffice.pdf", "script-style-entities.html",
     "windows-1252.txt", "utf16le-bom.txt", "latex-ligatures.pdf"],
)
def test_other_formats_equal_the_cli_json_from_path_and_bytes(cli, scorer, doc):
    path = FIXTURES / "docs" / doc
    expected = cli.json("score", path)
    assert scorer.score(path) == expected
    assert scorer.score(path.read_bytes()) == expected


@pytest.mark.parametrize("job", JOBS, ids=lambda p: p.name)
def test_match_equals_the_cli_jd_json(cli, scorer, job):
    resume = FIXTURES / "resumes" / "mid-java-spring.txt"
    expected = cli.json("score", resume, "--jd", job)
    assert scorer.match(resume, job.read_text(encoding="utf-8")) == expected
    assert scorer.match(resume.read_bytes(), job.read_bytes()) == expected


def test_level_and_no_fuzzy_are_the_cli_flags(cli):
    resume = FIXTURES / "resumes" / "junior-typos-misspellings.txt"
    s = skillgap.Scorer(as_of=AS_OF, level="senior", fuzzy=False)
    assert s.score(resume) == cli.json("score", resume, "--level", "senior", "--no-fuzzy")


@pytest.mark.parametrize("taxonomy", ["extends-builtin-elixir.yaml", "minimal-replacement.yaml"])
def test_a_custom_taxonomy_equals_the_cli_with_taxonomy(cli, taxonomy):
    path = FIXTURES / "taxonomies" / taxonomy
    resume = FIXTURES / "resumes" / "senior-go-kubernetes.md"
    expected = cli.json("score", resume, "--taxonomy", path)
    assert skillgap.Scorer(path, as_of=AS_OF).score(resume) == expected


def test_an_invalid_taxonomy_is_a_value_error_with_the_cli_message(cli):
    path = FIXTURES / "taxonomies" / "syntax-error.yaml"
    out = cli.run("score", FIXTURES / "resumes" / "mid-java-spring.txt", "--taxonomy", path)
    assert out.returncode == 2
    with pytest.raises(ValueError) as e:
        skillgap.Scorer(path)
    assert str(e.value).splitlines()[0] in out.stderr


def test_as_of_takes_a_date_and_defaults_to_this_month():
    import datetime

    assert skillgap.Scorer(as_of=datetime.date(2026, 11, 30)).as_of == "2026-11"
    report = skillgap.Scorer().score_text("EXPERIENCE\nDeveloper (2020 - Present)\n")
    today = datetime.date.today()
    assert report["settings"]["as_of"] == {"year": today.year, "month": today.month}


def test_settings_are_exposed(scorer):
    assert scorer.as_of == AS_OF and scorer.fuzzy and scorer.level is None
    assert scorer.levels[0] == "junior" and scorer.taxonomy_id == "backend-developer"
    assert scorer.max_file_size == skillgap.DEFAULT_MAX_FILE_SIZE == 20 * 1024 * 1024
    assert scorer.timeout == skillgap.DEFAULT_TIMEOUT == 30.0
    assert repr(scorer) == 'Scorer(as_of="2026-11")'


def test_one_scorer_serves_many_python_threads(scorer):
    texts = [p.read_text(encoding="utf-8") for p in RESUMES]
    expected = [scorer.score_text(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(scorer.score_text, texts * 3)) == expected * 3


def test_extract_text_reads_every_format_like_scoring_does(scorer):
    docx = FIXTURES / "docs" / "table-and-bullets.docx"
    text = skillgap.extract_text(docx)
    assert text == skillgap.extract_text(docx.read_bytes()) and text.endswith("\n")
    assert scorer.score_text(text) == scorer.score(docx)
