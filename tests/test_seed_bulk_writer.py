"""seed_bulk's writer thread: batches run in their own transactions on a second connection.

Apart from tests/test_seed_bulk.py, whose module-wide transaction (rolled back at the end)
makes seed_bulk run its batches in the caller's connection instead. The thread's rows are
committed, outside the test's transaction: the test deletes them the same way.
"""

import pytest

from taggit.models import Tag

from site_core.demo.bulk import Batch, Builder, BulkSeedError, Executor

SLUGS = ["seed-bulk-thu-1", "seed-bulk-thu-2", "seed-bulk-thu-3"]


def run_in_thread(*batches):
    executor = Executor(threaded=True)
    assert executor.threaded
    for batch in batches:
        executor.submit(batch)
    executor.close()


@pytest.fixture
def cleanup():
    yield
    batch = Batch()
    batch.add("DELETE FROM taggit_tag WHERE slug = ANY(%s)", [SLUGS])
    run_in_thread(batch)


@pytest.mark.django_db
def test_writer_thread_commits_batches_in_order(cleanup):
    first, second = Batch(), Batch()
    first.insert(Tag, ["name", "slug"], [("thẻ thử một", SLUGS[0])])
    second.insert(Tag, ["name", "slug"], [("thẻ thử hai", SLUGS[1])])
    run_in_thread(first, second)
    assert set(Tag.objects.filter(slug__in=SLUGS).values_list("slug", flat=True)) == set(SLUGS[:2])


@pytest.mark.django_db
def test_writer_thread_rolls_back_a_failed_batch_and_reports_it(cleanup):
    def fail(cursor):
        raise BulkSeedError("dừng")

    failing = Batch()
    failing.insert(Tag, ["name", "slug"], [("thẻ thử ba", SLUGS[2])])
    failing.add(fail)
    with pytest.raises(BulkSeedError):
        run_in_thread(failing)
    assert not Tag.objects.filter(slug=SLUGS[2]).exists()


@pytest.mark.django_db
def test_copy_keeps_every_character(cleanup):
    """COPY's text format escapes tabs, line breaks and backslashes; None is NULL."""
    name = "thẻ\tthử\nbốn\\ \\N"
    batch = Batch()
    batch.copy(Tag, ["name", "slug"], [(name, SLUGS[0])])
    run_in_thread(batch)
    assert Tag.objects.get(slug=SLUGS[0]).name == name


def slugs_step(slugs):
    batch = Batch()
    batch.insert(Tag, ["name", "slug"], [(f"thẻ {slug}", slug) for slug in slugs])
    return batch.steps


def fails_in_child():
    raise ValueError("hỏng ở tiến trình con")


def queries_in_child():
    return Tag.objects.count()


@pytest.mark.django_db
def test_builder_hands_batches_over_in_order_and_reports_child_errors(cleanup):
    executor = Executor(threaded=False)
    builder = Builder(executor, workers=2)
    for slug in SLUGS[:2]:
        builder.submit(Batch(), slugs_step, [slug])
    builder.close()
    assert set(Tag.objects.filter(slug__in=SLUGS).values_list("slug", flat=True)) == set(SLUGS[:2])
    for build, message in (
        (fails_in_child, "hỏng ở tiến trình con"),
        (queries_in_child, "does not query"),
    ):
        builder = Builder(executor, workers=1)
        with pytest.raises(BulkSeedError, match=message):
            builder.submit(Batch(), build)
