"""seed_bulk's writer thread: batches run in their own transactions on a second connection.

Apart from tests/test_seed_bulk.py, whose module-wide transaction (rolled back at the end)
makes seed_bulk run its batches in the caller's connection instead.
"""

import pytest

from taggit.models import Tag

from site_core.demo.bulk import Batch, BulkSeedError, Executor


@pytest.mark.django_db(transaction=True)
def test_writer_thread_commits_batches_and_reports_errors():
    executor = Executor()
    assert executor.threaded
    batch = Batch()
    batch.insert(Tag, ["name", "slug"], [("thẻ thử", "the-thu"), ("thẻ hai", "the-hai")])
    executor.submit(batch)
    executor.close()
    assert set(Tag.objects.values_list("slug", flat=True)) >= {"the-thu", "the-hai"}

    def fail(cursor):
        raise BulkSeedError("dừng")

    executor = Executor()
    failing = Batch()
    failing.insert(Tag, ["name", "slug"], [("thẻ ba", "the-ba")])
    failing.add(fail)
    executor.submit(failing)
    with pytest.raises(BulkSeedError):
        executor.close()
    assert not Tag.objects.filter(slug="the-ba").exists()
