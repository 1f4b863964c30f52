"""score_many: parallel, in input order, errors in place."""

import gc
import json
import signal

import pytest

import skillgap

from conftest import RESUMES


def test_score_many_equals_score_in_input_order(scorer):
    paths = RESUMES * 3
    expected = [scorer.score(p) for p in paths]
    for threads in (None, 1, 2, 3):
        assert scorer.score_many(paths, threads=threads) == expected


def test_fewer_items_than_threads_and_none_at_all(scorer):
    # the calling thread scores as well as the pool: with more threads than items, or no
    # items, every item is still scored once, in its place, and nothing waits forever
    texts = [p.read_text(encoding="utf-8") for p in RESUMES[:2]]
    assert scorer.score_many(texts, threads=8, text=True) == [scorer.score_text(t) for t in texts]
    assert scorer.score_many([], threads=2) == []
    assert scorer.score_many([], threads=1) == []


def test_texts_with_text_true_and_any_iterable(scorer):
    texts = [p.read_text(encoding="utf-8") for p in RESUMES]
    got = scorer.score_many((t for t in texts), threads=2, text=True)
    assert got == [scorer.score_text(t) for t in texts]


def test_an_unreadable_input_is_an_error_in_its_place_and_the_others_are_scored(scorer):
    good = RESUMES[0]
    got = scorer.score_many([good, "no/such/resume.pdf", b"", None, good.read_bytes()], threads=2)
    assert got[0] == got[4] == scorer.score(good)
    assert [type(e) for e in got[1:4]] == [skillgap.UnreadableError] * 3
    assert str(got[1]) == "no/such/resume.pdf: no such file"
    assert str(got[2]) == "<bytes>: empty input, nothing to score"


def test_a_wrong_item_type_raises_before_any_work(scorer):
    with pytest.raises(TypeError, match="got int"):
        scorer.score_many([RESUMES[0], 42])
    with pytest.raises(TypeError, match="got int"):
        scorer.score_many(["x", 42], text=True)


def test_empty_input_gives_an_empty_list(scorer):
    assert scorer.score_many([]) == []


def test_reports_keep_the_cli_key_order_so_json_dumps_prints_the_same(cli, scorer):
    # the dicts are built straight from the report structs (field names shared between dicts):
    # every dict's keys come in the CLI's order, so dumping one gives the CLI's JSON text
    resume = RESUMES[0]
    expected = json.dumps(cli.json("score", resume))
    got = scorer.score_many([resume, resume], threads=2)
    assert [json.dumps(r) for r in got] == [expected, expected]
    assert json.dumps(scorer.score(resume)) == expected


def test_every_fixture_keeps_the_cli_key_order_within_one_batch(cli, scorer):
    # a struct's dict is copied from a template made from an earlier report's struct with the
    # same fields; reports whose structs leave out optional fields must still print as the CLI
    expected = [json.dumps(cli.json("score", r)) for r in RESUMES]
    got = scorer.score_many(RESUMES * 2, threads=1)
    assert [json.dumps(r) for r in got] == expected * 2


def test_each_report_is_its_own_dicts_and_lists(scorer):
    # strings are shared between reports (they are immutable), containers never are
    first, second = scorer.score_many([RESUMES[0], RESUMES[0]], threads=1)
    assert first == second
    first["skills"][0]["evidence"].clear()
    first["levels"].pop()
    first["skills"][0]["id"] = "changed"
    assert second == scorer.score(RESUMES[0])


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no signal.setitimer on this platform")
def test_a_signal_stops_score_many_while_it_runs(scorer):
    # Ctrl-C in a notebook must not wait for thousands of resumes. The handler records whether
    # score_many was still running when it ran: score_many pauses the cyclic GC until it returns
    text = RESUMES[0].read_text(encoding="utf-8")
    seen = []

    def on_alarm(signum, frame):
        seen.append(gc.isenabled())
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGALRM, on_alarm)
    try:
        assert gc.isenabled()
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        with pytest.raises(KeyboardInterrupt):
            scorer.score_many([text] * 20_000, threads=2, text=True)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert seen == [False]  # raised from inside score_many, not after it had finished
    assert gc.isenabled()  # and the GC is running again
