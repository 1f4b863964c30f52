"""The Dask recipe of docs/PYTHON.md: a bag of texts, score_many per partition, processes."""

import pytest

from conftest import RESUMES

dask = pytest.importorskip("dask.bag", reason="dask is not installed")


def test_dask_bag_recipe_on_processes_equals_the_scorer(scorer):
    import dask.bag as db

    texts = [p.read_text(encoding="utf-8") for p in RESUMES] * 2
    bag = db.from_sequence(texts, npartitions=4)
    # The Scorer is pickled into each task (a few hundred bytes) and compiled once per process.
    reports = bag.map_partitions(lambda part: scorer.score_many(part, text=True)).compute(
        scheduler="processes", num_workers=2
    )
    assert reports == [scorer.score_text(t) for t in texts]
    levels = bag.map_partitions(
        lambda part: [r["estimated_level"] for r in scorer.score_many(part, text=True)]
    ).frequencies().compute(scheduler="threads")
    assert sum(n for _, n in levels) == len(texts)
