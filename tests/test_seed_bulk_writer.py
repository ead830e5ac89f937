"""seed_bulk's writer thread: batches run in their own transactions on a second connection.

Apart from tests/test_seed_bulk.py, whose module-wide transaction (rolled back at the end)
makes seed_bulk run its batches in the caller's connection instead. The thread's rows are
committed, outside the test's transaction: the test deletes them the same way.
"""

import pytest

from taggit.models import Tag

from site_core.demo.bulk import Batch, BulkSeedError, Executor

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
