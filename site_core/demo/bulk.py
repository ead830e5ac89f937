"""Many pages at once for `manage.py seed_bulk`: news articles and Party documents.

Pages are built in memory and written in batches of COPY (and a few INSERT) statements,
bypassing `add_child()` and `save_revision()` (a few queries each, hours for 100,000 pages) but
leaving the database as they would:

- the tree: treebeard's materialised path (the parent's path plus one step of `steplen`
  characters in its alphabet, after the parent's last child), `depth`, `url_path`, and the
  parent's `numchild` raised with each batch;
- the page: specific content type, locale, a fresh translation key, `live`,
  `first_published_at` / `last_published_at`, `draft_title`, a slug unique under the parent;
- its history: one `Revision` holding `serializable_data()`, as `save_revision()` stores it,
  which is `latest_revision` and `live_revision`, and the "created" and "published"
  entries of the page's log;
- its relations: categories (ParentalManyToManyField through rows), tags and other child
  objects;
- the search index, rows the same as the backend's (site_core/demo/bulk_search.py), and
  the reference index (which images, units and tags a page uses), rows like
  `ReferenceIndex.create_or_update_for_object()` writes for a new object.

Ids come from the tables' sequences before a batch is written, so every row of a batch
is known in Python and no row is read back or updated. The pages of a batch are made
here (texts, tree, ids), their rows in a forked child process (`Builder`: two at a time
while the next pages are made), and each batch is one transaction, run in order by a
writer thread on its own connection (`Executor`): an interrupted seed leaves whole
batches, a valid tree.

Every model's `full_clean()` runs on the first page of each batch, so a builder that
breaks a model rule fails at once rather than after 100,000 rows; tests/test_seed_bulk.py
checks the pages of a small run against what Wagtail itself writes.
"""

import bisect
import collections
import datetime
import decimal
import io
import itertools
import multiprocessing
import queue
import random
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection, connections, reset_queries, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, PageLogEntry, ReferenceIndex, Revision, Site
from wagtail.search.backends import get_search_backend

from legal_docs.models import DocumentType, IssuingBody, LegalDocumentIndexPage, LegalDocumentPage
from news.models import NewsArticlePage, NewsArticleTag, NewsCategory, NewsIndexPage
from org_structure.models import OrgUnitPage
from site_core.navigation import bump_navigation_version
from site_core.text import vietnamese_slugify

from . import content
from .bulk_search import SearchRows, refresh_title_norms
from .steps import NEWS_IMAGE_COLLECTION

SLUG_LENGTH = 80
# Pages come from the first of January of this year to today.
FIRST_YEAR = 2015
# Documents are issued by the province's own bodies.
PROVINCIAL_LEVELS = ("tinh", "truc-thuoc")
# Common document types first: their weights follow this order.
DOCUMENT_TYPE_ORDER = ["TB", "KH", "CV", "BC", "QĐ", "HD", "NQ", "CT", "KL", "CTr", "QĐi", "QC"]


class BulkSeedError(Exception):
    """The portal is not ready for a bulk seed; the message says what to run."""


def words():
    """Word lists for titles and bodies (data/bulk.json); see `zipf_choice`."""
    return content.read("bulk")


def zipf_weights(items):
    """Cumulative weights 1, 1/2, 1/3...: the first items are common, the last ones rare."""
    return list(itertools.accumulate(1 / rank for rank in range(1, len(items) + 1)))


def zipf_choice(rng, items, cumulative):
    return items[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def capitalise(text):
    return text[:1].upper() + text[1:]


# --- the tree -------------------------------------------------------------------------


class Children:
    """Places new pages under `parent` after its last child, as `parent.add_child()` would.

    Paths are taken in memory, after the last child found at the start. Each batch's
    transaction locks the parent row, checks that its last child is still the one before
    the batch (an editor or a second seed adding a page meanwhile stops the seed instead
    of sharing a path) and raises the parent's `numchild`.
    """

    def __init__(self, parent):
        self.parent = Page.objects.get(pk=parent.pk)
        siblings = Page.objects.filter(
            path__startswith=self.parent.path, depth=self.parent.depth + 1
        )
        self.last_path = siblings.order_by("-path").values_list("path", flat=True).first()
        self.step = Page._str2int(self.last_path[-Page.steplen :]) if self.last_path else 0
        self.slugs = set(siblings.values_list("slug", flat=True))

    def unique_slug(self, text):
        base = vietnamese_slugify(text)[:SLUG_LENGTH].strip("-") or "trang"
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        return slug

    def place(self, page, slug_text):
        """Set the tree fields of `page`, a new last child of the parent."""
        self.step += 1
        page.depth = self.parent.depth + 1
        page.path = Page._get_path(self.parent.path, page.depth, self.step)
        page.numchild = 0
        page.slug = self.unique_slug(slug_text)
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.locale_id = self.parent.locale_id

    def claim(self, batch, pages):
        """Add to `batch` the check of the parent's last child and the new `numchild`."""
        parent, expected = self.parent, self.last_path
        self.last_path = pages[-1].path

        def check(cursor):
            cursor.execute("SELECT id FROM wagtailcore_page WHERE id = %s FOR UPDATE", [parent.pk])
            cursor.execute(
                "SELECT path FROM wagtailcore_page WHERE path LIKE %s AND depth = %s "
                "ORDER BY path DESC LIMIT 1",
                [parent.path + "%", parent.depth + 1],
            )
            row = cursor.fetchone()
            if (row[0] if row else None) != expected:
                raise BulkSeedError(
                    f"Trong lúc thêm trang, trang “{parent.title}” có thêm trang con khác "
                    "nên dừng lại (các lượt đã ghi vẫn hợp lệ). Hãy chạy lại lệnh."
                )

        batch.add(check)
        batch.add(
            "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s",
            [len(pages), parent.pk],
        )


# --- writing rows ---------------------------------------------------------------------


def next_ids(model, count):
    """`count` ids from the sequence of `model`'s primary key, as inserts would take them."""
    if not count:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def prepared_rows(fields, objects):
    """Database values of the `fields` of unsaved `objects`, as Django's insert prepares them
    (`pre_save()`, `get_db_prep_save()`)."""
    db = connections[DEFAULT_DB_ALIAS]  # once: each `connection.x` is a thread-local lookup
    return [tuple(f.get_db_prep_save(f.pre_save(obj, True), db) for f in fields) for obj in objects]


def prepared_values(fields, rows):
    """Database values of `rows`, dicts of attribute names to values (the fields' defaults
    for the others), without building model instances."""
    db = connections[DEFAULT_DB_ALIAS]
    defaults = {f.attname: f.get_default() for f in fields}
    return [
        tuple(f.get_db_prep_save(row.get(f.attname, defaults[f.attname]), db) for f in fields)
        for row in rows
    ]


class CopyData:
    """The text of a COPY ... FROM STDIN (PostgreSQL's text format), a step of a `Batch`."""

    def __init__(self, text):
        self.text = text


def copy_text(text):
    """`text` escaped for COPY: backslashes, line breaks and tabs. Chained `replace()` calls,
    each a quick scan when the character is absent (`str.translate()` goes character by
    character through a mapping for non-ASCII text, several times slower here)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def copy_value(value):
    """One database value (as `get_db_prep_save()` gives it) in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return copy_text(value)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (int, float, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if hasattr(value, "adapted") and hasattr(value, "dumps"):  # psycopg2's Json adapter
        return copy_text(value.dumps(value.adapted))
    raise TypeError(f"No COPY text for {type(value).__name__}")


class Batch:
    """The statements of one batch, run later in one transaction (see `Executor`)."""

    def __init__(self):
        self.steps = []

    def add(self, sql, params=None):
        """A statement, or a callable given the cursor (a check between statements)."""
        self.steps.append((sql, params))

    def insert(self, model, columns, rows, suffix="", chunk=1000):
        """INSERT `rows` (tuples of database values) into `columns` of `model`'s table."""
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            self.add(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([row_sql] * len(part))}"  # noqa: S608
                f"{suffix}",
                [value for row in part for value in row],
            )

    def insert_values(self, model, fields, rows):
        """INSERT `rows`, dicts of attribute names to values (the fields' defaults for the
        others), without building model instances."""
        self.insert(model, [f.column for f in fields], prepared_values(fields, rows))

    def insert_objects(self, model, fields, objects, suffix=""):
        """INSERT the `fields` of unsaved `objects`, values prepared as Django's insert does
        (`pre_save()`, `get_db_prep_save()`); Django's SQL compiler is left out: for wide rows
        such as pages it costs more than the database."""
        self.insert(model, [f.column for f in fields], prepared_rows(fields, objects), suffix)

    def copy(self, model, columns, rows):
        """COPY `rows` (tuples of database values) into `columns` of `model`'s table: one
        statement and no parameters to quote, the cheapest load PostgreSQL has."""
        if not rows:
            return
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column in columns)
        self.add(
            f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN",
            CopyData("".join("\t".join(map(copy_value, row)) + "\n" for row in rows)),
        )

    def copy_objects(self, model, fields, objects):
        """COPY the `fields` of unsaved `objects`, values prepared as `insert_objects`."""
        self.copy(model, [f.column for f in fields], prepared_rows(fields, objects))

    def copy_values(self, model, fields, rows):
        """COPY `rows`, dicts as `insert_values` takes."""
        self.copy(model, [f.column for f in fields], prepared_values(fields, rows))

    def run(self):
        with transaction.atomic(), connection.cursor() as cursor:
            for sql, params in self.steps:
                if callable(sql):
                    sql(cursor)
                elif isinstance(params, CopyData):
                    cursor.copy_expert(sql, io.StringIO(params.text))
                else:
                    cursor.execute(sql, params)


class Executor:
    """Runs batches in order, each in its own transaction.

    Threaded, a second thread with its own database connection runs one batch while this
    one builds the next (the database and Python work at the same time; psycopg2 releases
    the GIL while a statement runs). When the caller is inside a transaction, as in tests,
    batches run in it instead: another connection couldn't see its rows.
    """

    def __init__(self, threaded=None):
        self.threaded = not connection.in_atomic_block if threaded is None else threaded
        self.error = None
        # Seconds the builder waited for the writer, and the writer for the builder: which
        # side, Python or the database, holds the seed back (`seed_bulk -v 2`).
        self.waits = {"builder_idle": 0.0, "writer_idle": 0.0}
        if self.threaded:
            self.queue = queue.Queue(maxsize=1)
            self.thread = threading.Thread(target=self.work, name="seed_bulk-writer", daemon=True)
            self.thread.start()

    def work(self):
        try:
            while True:
                started = time.monotonic()
                batch = self.queue.get()
                self.waits["writer_idle"] += time.monotonic() - started
                if batch is None:
                    break
                if self.error is None:
                    try:
                        batch.run()
                        reset_queries()
                    except BaseException as error:  # noqa: BLE001 - handed to the caller
                        self.error = error
        finally:
            connection.close()

    def submit(self, batch):
        # With DEBUG on, Django keeps every statement (megabytes each here) in
        # connection.queries: forgotten after each batch, in each thread.
        reset_queries()
        if not self.threaded:
            batch.run()
            return
        if self.error is not None:
            self.close()
        started = time.monotonic()
        self.queue.put(batch)
        self.waits["builder_idle"] += time.monotonic() - started

    def close(self):
        """Wait for the last batch; raise the writer's error, if any."""
        if self.threaded and self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.error is not None:
            raise self.error


class Builder:
    """Builds the rows of batches in child processes, `workers` at a time, and hands each
    batch to the executor in the order they came.

    Turning pages into rows (revision content, search text, references, database values) is
    most of a seed's Python time and needs no database: a forked child gets the pages as
    they are in memory (nothing is pickled on the way in), and sends back only the batch's
    statements. With two cores, two children and the database share them while this
    process makes the next pages. No workers: the rows are built here, as before.
    """

    def __init__(self, executor, workers=0):
        self.executor = executor
        self.workers = workers
        self.pending = collections.deque()
        if workers:
            # The children look content types up (the reference index's targets): every
            # model's is in the cache they inherit.
            ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)

    def submit(self, batch, build, *args):
        """`build(*args)` gives the steps that follow the ones `batch` has."""
        if not self.workers:
            batch.steps.extend(build(*args))
            self.executor.submit(batch)
            return
        reader, writer = multiprocessing.Pipe(duplex=False)
        child = multiprocessing.get_context("fork").Process(
            target=build_in_child, args=(writer, build, args), daemon=True
        )
        child.start()
        writer.close()
        self.pending.append((batch, child, reader))
        while len(self.pending) >= self.workers:
            self.finish_one()

    def finish_one(self):
        batch, child, reader = self.pending.popleft()
        try:
            status, value = reader.recv()
        except EOFError:
            status, value = "error", f"exit code {child.exitcode}"
        finally:
            reader.close()
            child.join()
        if status != "ok":
            raise BulkSeedError(f"Tiến trình con dựng trang bị lỗi: {value}")
        batch.steps.extend(value)
        self.executor.submit(batch)

    def close(self):
        """Hand over the batches still being built."""
        while self.pending:
            self.finish_one()

    def abandon(self):
        """Stop the children still building (after an error)."""
        while self.pending:
            _, child, reader = self.pending.popleft()
            child.kill()
            child.join()
            reader.close()


# Connections inherited from the parent, kept referenced in a child: freed, psycopg2 would
# close them, and PostgreSQL would end the parent's session.
_inherited_connections = []


def build_in_child(writer, build, args):
    """In a forked child: `build(*args)`, sent back through `writer`. The child never uses
    the parent's database connections (the parent is using them): a query fails."""
    for db in connections.all(initialized_only=True):
        _inherited_connections.append(db.connection)
        db.connection = None
        db.connect = no_queries_in_child
    try:
        result = ("ok", build(*args))
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        result = ("error", traceback.format_exc())
    writer.send(result)
    writer.close()


def no_queries_in_child():
    raise RuntimeError("seed_bulk: a child process building rows does not query the database")


# --- writing pages --------------------------------------------------------------------


@dataclass
class Writer:
    """Builds batches of new pages of one specific model with everything a page has."""

    model: type
    backend: object
    builder: "Builder"
    user: object = None
    reference_index: bool = True
    page_type: ContentType = field(init=False)
    content_type: ContentType = field(init=False)

    def __post_init__(self):
        self.page_type = ContentType.objects.get_for_model(Page)
        self.content_type = ContentType.objects.get_for_model(self.model)
        # One table below Page: the model's own row, keyed by page_ptr.
        assert list(self.model._meta.parents) == [Page], self.model
        self.page_fields = list(Page._meta.concrete_fields)
        self.own_fields = list(self.model._meta.local_concrete_fields)
        self.child_relations = get_all_child_relations(self.model)
        self.m2m_fields = get_all_child_m2m_relations(self.model)
        self.search_rows = SearchRows(self.model, self.content_type.pk, self.backend)
        self.log_fields = [f for f in PageLogEntry._meta.concrete_fields if not f.primary_key]
        self.user_id = self.user.pk if self.user else None

    def new_page(self, **values):
        """An unsaved page whose child relations and m2m fields all live in memory."""
        values.setdefault("translation_key", uuid.uuid4())
        page = self.model(
            content_type=self.content_type,
            owner=self.user,
            live=True,
            has_unpublished_changes=False,
            **values,
        )
        # Assigned now, before the page has an id: reading them later asks no query.
        for relation in self.child_relations:
            setattr(page, relation.get_accessor_name(), [])
        for m2m in self.m2m_fields:
            setattr(page, m2m.name, [])
        return page

    def write(self, pages, children):
        """Give the pages their tree, ids and checks here, then build their rows in a child
        process (`Builder`) and hand the batch to the executor."""
        batch = Batch()
        children.claim(batch, pages)
        published = [page.first_published_at for page in pages]
        for page, date in zip(pages, published, strict=True):
            page.last_published_at = date
            page.latest_revision_created_at = date
            page.draft_title = page.title
        pages[0].full_clean()  # the model's rules (slug under its parent, field checks)

        # Ids taken from the tables' sequences up front: a page row names its revision (a
        # deferred foreign key) as soon as it is written, with no update afterwards.
        page_ids = next_ids(Page, len(pages))
        revision_ids = next_ids(Revision, len(pages))
        for page, page_id, revision_id in zip(pages, page_ids, revision_ids, strict=True):
            page.pk = page.page_ptr_id = page.id = page_id
            page._state.adding = False
            page.latest_revision_id = page.live_revision_id = revision_id
        children_rows = self.child_objects(pages)
        self.builder.submit(batch, self.rows, pages, children_rows)

    def rows(self, pages, children_rows):
        """The batch's statements after the parent's check: what the pages' rows say, built
        without the database (in a child process, `Builder`)."""
        batch = Batch()
        # The revision holds the page as `save_revision()` finds it: no revision yet.
        revisions = []
        for page in pages:
            latest, live = page.latest_revision_id, page.live_revision_id
            page.latest_revision_id = page.live_revision_id = None
            revisions.append(
                {
                    "id": latest,
                    "content_type_id": self.content_type.pk,
                    "base_content_type_id": self.page_type.pk,
                    "object_id": str(page.pk),
                    "created_at": page.first_published_at,
                    "user_id": self.user_id,
                    "object_str": str(page),
                    "content": page.serializable_data(),
                }
            )
            page.latest_revision_id, page.live_revision_id = latest, live

        # 1. The wagtailcore_page rows, then the model's own rows under the same ids.
        batch.copy_objects(Page, self.page_fields, pages)
        batch.copy_objects(self.model, self.own_fields, pages)
        # 2. Child objects (tags, attachments...) and m2m through rows.
        for model, objects in children_rows:
            batch.copy_objects(model, model._meta.concrete_fields, objects)
        self.m2m_rows(batch, pages)
        # 3. The revisions and the log.
        batch.copy_values(Revision, Revision._meta.concrete_fields, revisions)
        self.log_rows(batch, pages, [revision["id"] for revision in revisions])
        # 4. The search index and the reference index.
        self.search_rows.write(batch, pages)
        if self.reference_index:
            self.reference_rows(batch, pages)
        return batch.steps

    def child_objects(self, pages):
        """[(model, objects)] of the pages' child objects, with their ids and parent ids."""
        found = []
        for relation in self.child_relations:
            name = relation.get_accessor_name()
            fk = relation.field.attname
            objects = []
            for page in pages:
                for child in getattr(page, name).all():
                    setattr(child, fk, page.pk)
                    objects.append(child)
            model = relation.related_model
            for child, child_id in zip(objects, next_ids(model, len(objects)), strict=True):
                child.pk = child_id
            if objects:
                found.append((model, objects))
        return found

    def m2m_rows(self, batch, pages):
        for m2m in self.m2m_fields:
            through = m2m.remote_field.through
            source, target = m2m.m2m_column_name(), m2m.m2m_reverse_name()
            rows = [
                (page.pk, related.pk) for page in pages for related in getattr(page, m2m.name).all()
            ]
            batch.copy(through, [source, target], rows)

    def log_rows(self, batch, pages, revision_ids):
        """The "created" and "published" entries of each page's history."""
        entries = []
        for page, revision_id in zip(pages, revision_ids, strict=True):
            common = {
                "content_type_id": self.content_type.pk,
                "page_id": page.pk,
                "label": page.get_admin_display_title(),
                "timestamp": page.first_published_at,
                "user_id": self.user_id,
                "content_changed": True,
            }
            entries.append({"action": "wagtail.create", **common})
            entries.append({"action": "wagtail.publish", "revision_id": revision_id, **common})
        batch.copy_values(PageLogEntry, self.log_fields, entries)

    def reference_rows(self, batch, pages):
        """Rows like `ReferenceIndex.create_or_update_for_object()` writes for a new object."""
        rows = [
            (
                self.content_type.pk,
                self.page_type.pk,
                str(page.pk),
                to_content_type_id,
                str(to_object_id),
                model_path,
                content_path,
                ReferenceIndex._get_content_path_hash(content_path),
            )
            for page in pages
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            )
        ]
        if rows:
            batch.insert(
                ReferenceIndex,
                [
                    "content_type_id",
                    "base_content_type_id",
                    "object_id",
                    "to_content_type_id",
                    "to_object_id",
                    "model_path",
                    "content_path",
                    "content_path_hash",
                ],
                rows,
                suffix=" ON CONFLICT DO NOTHING",
            )


# --- what the pages say ---------------------------------------------------------------


class Texts:
    """Vietnamese titles and texts from the word lists: common and rare words mixed."""

    def __init__(self, rng):
        self.rng = rng
        self.data = words()
        self.rare = self.data["rare_words"]
        self.rare_weights = zipf_weights(self.rare)
        self.topic_weights = zipf_weights(self.data["topics"])

    def pick(self, key):
        return self.rng.choice(self.data[key])

    def topic(self):
        return zipf_choice(self.rng, self.data["topics"], self.topic_weights)

    def rare_word(self):
        return zipf_choice(self.rng, self.rare, self.rare_weights)

    def time_phrase(self, date):
        return self.pick("time_phrases").format(
            year=date.year, month=date.month, quarter=(date.month - 1) // 3 + 1
        )

    def fill(self, template, **known):
        values = {
            "actor": self.pick("actors"),
            "topic": self.topic(),
            "place": self.pick("places"),
            "rare": self.rare_word(),
        }
        values.update(known)
        return template.format(**values)

    def article(self, date):
        """(title, sapo, body items) of one article."""
        actor, action, topic = self.pick("actors"), self.pick("actions"), self.topic()
        place, rare, when = self.pick("places"), self.rare_word(), self.time_phrase(date)
        title = self.rng.choice(
            [
                f"{actor} {action} {topic} {when}",
                f"{place}: {action} {topic}",
                f"{capitalise(topic)} gắn với {rare} ở {place}",
                f"{actor} {action} {topic} tại {place}",
            ]
        )
        title = capitalise(title)
        sapo = (
            f"Ngày {date.day}/{date.month}/{date.year}, {actor} {action} {topic}. "
            f"{self.fill(self.pick('sentences'), actor=actor, topic=topic, place=place)}"
        )
        body = []
        for number in range(self.rng.randint(2, 3)):
            if number:
                body.append(("heading", self.pick("headings")))
            sentences = self.rng.sample(self.data["sentences"], self.rng.randint(3, 4))
            text = " ".join(
                self.fill(s, actor=actor, topic=topic, place=place, rare=rare) for s in sentences
            )
            body.append(("paragraph", f"<p>{escape(text)}</p>"))
        return title[:255], sapo, body

    def document_summary(self, date):
        return self.fill(self.pick("document_summaries"), time=self.time_phrase(date))


def raw_stream(items, new_uuid):
    """Body items ("heading", text) / ("paragraph", html) -> the StreamField's stored JSON.

    What `steps.stream()` gives once saved, block ids included; kept raw, the value is
    stored and revised as it is, and converted to blocks only when read.
    """
    blocks = []
    for kind, value in items:
        if kind == "heading":
            value = {"text": value, "level": "h2"}
        elif kind != "paragraph":
            raise ValueError(f"Unknown body item {kind!r}")
        blocks.append({"type": kind, "value": value, "id": str(new_uuid())})
    return blocks


def spread_dates(rng, count, start, end):
    """`count` random moments between `start` and `end`, oldest first."""
    span = (end - start).total_seconds()
    return sorted(start + datetime.timedelta(seconds=rng.random() * span) for _ in range(count))


# --- the seed -------------------------------------------------------------------------


@dataclass
class BulkSeed:
    articles: int = 0
    documents: int = 0
    batch_size: int = 1000
    seed: int | None = None
    workers: int = 0  # child processes building rows (`Builder`)
    progress: object = None  # progress(total, label) -> object with update(n) and close()
    created: dict = field(default_factory=dict)

    def run(self):
        if connection.vendor != "postgresql":
            # Sequences, the search index rows (to_tsvector) and ON CONFLICT are PostgreSQL's.
            raise BulkSeedError(
                "seed_bulk chỉ chạy với PostgreSQL (đặt DATABASE_URL), không chạy với SQLite."
            )
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = self.site.root_page if self.site else None
        news_index = self.section(home, NewsIndexPage) if self.articles else None
        register = self.section(home, LegalDocumentIndexPage) if self.documents else None
        self.rng = random.Random(self.seed)
        self.texts = Texts(self.rng)
        self.user = get_user_model().objects.filter(username="admin").first()
        self.now = timezone.now()
        self.backend = get_search_backend()
        self.executor = Executor()
        self.builder = Builder(self.executor, self.workers)
        try:
            if self.articles:
                self.add_articles(news_index)
            if self.documents:
                self.add_documents(register)
            self.builder.close()
        except BaseException:
            self.builder.abandon()
            raise
        finally:
            self.executor.close()
        refresh_title_norms(self.backend)
        self.tidy_tables()
        bump_navigation_version()
        return self.created

    def tidy_tables(self):
        """Statistics for the planner, and the search rows that refreshing the title norms
        rewrote cleared away (they slowed every index scan of the search table). VACUUM
        cannot run inside a transaction: in one (the tests) nothing runs, and the tables
        keep the statistics they had."""
        if connection.in_atomic_block:
            return
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) wagtailsearch_indexentry")
            cursor.execute("ANALYZE")

    def new_uuid(self):
        """A version-4 UUID from the seed's generator, for block ids (unique within a body)."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def section(self, home, model):
        names = {
            NewsIndexPage: ("danh sách tin (Tin hoạt động)", "tin"),
            LegalDocumentIndexPage: ("hệ thống văn bản (Văn bản)", "văn bản"),
        }
        page = model.objects.descendant_of(home).first() if home is not None else None
        if page is None:
            label, what = names[model]
            raise BulkSeedError(
                f"Không tìm thấy trang {label} dưới trang chủ của site mặc định, nên chưa thể "
                f"thêm {what}. Hãy chạy `manage.py seed_demo` trước rồi chạy lại lệnh này."
            )
        return page

    def batches(self, count, label):
        bar = self.progress(count, label) if self.progress else None
        for start in range(0, count, self.batch_size):
            size = min(self.batch_size, count - start)
            yield size
            if bar is not None:
                bar.update(size)
        if bar is not None:
            bar.close()

    def add_articles(self, index):
        children = Children(index)
        writer = Writer(NewsArticlePage, self.backend, self.builder, user=self.user)
        categories = list(NewsCategory.objects.filter(locale_id=index.locale_id, live=True))
        units = list(
            OrgUnitPage.objects.live()
            .filter(locale_id=index.locale_id)
            .values_list("pk", flat=True)
        )
        collection = Collection.objects.filter(name=NEWS_IMAGE_COLLECTION).first()
        images = (
            list(
                get_image_model().objects.filter(collection=collection).values_list("pk", flat=True)
            )
            if collection
            else []
        )
        tags = [Tag.objects.get_or_create(name=name)[0] for name in self.texts.data["tags"]]
        bylines = content.news()["bylines"]
        start = timezone.make_aware(datetime.datetime(FIRST_YEAR, 1, 1, 7))
        dates = iter(spread_dates(self.rng, self.articles, start, self.now))

        for size in self.batches(self.articles, "Tin hoạt động"):
            pages = []
            for _ in range(size):
                date = next(dates)
                title, sapo, body = self.texts.article(timezone.localtime(date))
                image = self.rng.choice(images) if images and self.rng.random() < 0.4 else None
                page = writer.new_page(
                    title=title,
                    date=date,
                    first_published_at=date,
                    sapo=sapo,
                    listing_summary=sapo[:500],
                    body=raw_stream(body, self.new_uuid),
                    featured_image_id=image,
                    listing_image_id=image,
                    featured_image_caption="Ảnh minh họa (dữ liệu demo)." if image else "",
                    source_unit_id=self.rng.choice(units) if units else None,
                    byline=self.rng.choice(bylines),
                    is_featured=False,
                )
                children.place(page, title)
                if categories:
                    page.categories = self.rng.sample(
                        categories, 1 if self.rng.random() < 0.8 else min(2, len(categories))
                    )
                page.tagged_items = [
                    NewsArticleTag(tag=tag) for tag in self.rng.sample(tags, self.rng.randint(0, 3))
                ]
                pages.append(page)
            writer.write(pages, children)
        self.created["NewsArticlePage"] = self.articles

    def add_documents(self, register):
        children = Children(register)
        writer = Writer(LegalDocumentPage, self.backend, self.builder, user=self.user)
        locale = register.locale_id
        types = {t.abbreviation: t for t in DocumentType.objects.filter(locale_id=locale)}
        type_list = [types[a] for a in DOCUMENT_TYPE_ORDER if a in types] or list(types.values())
        type_weights = zipf_weights(type_list)
        issuers = list(IssuingBody.objects.filter(locale_id=locale, level__in=PROVINCIAL_LEVELS))
        if not type_list or not issuers:
            raise BulkSeedError(
                "Chưa có bảng loại văn bản và cơ quan ban hành. Hãy chạy `manage.py seed_demo` "
                "(hoặc `manage.py migrate`) trước."
            )
        # Numbers go on after the highest one used with the same symbol in the same term.
        # Two issuers may share an abbreviation (Tỉnh ủy and its Ban Thường vụ: TU), so the
        # count is kept per symbol, not per issuer: every number-symbol stays unique.
        last_number = {
            (row["issuer__abbreviation"], row["document_type__abbreviation"], row["term"]): row[
                "top"
            ]
            for row in LegalDocumentPage.objects.values(
                "issuer__abbreviation", "document_type__abbreviation", "term"
            )
            .order_by()
            .annotate(top=Max("number"))  # no default ordering in GROUP BY
        }
        signers = self.texts.data["document_signers"]
        template = content.documents()["body_template"]
        today = timezone.localdate()
        terms = []
        for term in self.texts.data["document_terms"]:
            first, last = (int(year) for year in term.split("–"))
            begin = datetime.date(first, 10, 1)
            if begin < today:
                terms.append((term, begin, min(datetime.date(last, 9, 30), today)))

        # Choose every document first, then number each symbol's documents by date.
        specs = []
        for _ in range(self.documents):
            term, begin, end = self.rng.choice(terms)
            issued = begin + datetime.timedelta(days=self.rng.randint(0, (end - begin).days))
            specs.append(
                {
                    "type": zipf_choice(self.rng, type_list, type_weights),
                    "issuer": self.rng.choice(issuers),
                    "term": term,
                    "issued": issued,
                }
            )
        for spec in sorted(specs, key=lambda spec: spec["issued"]):
            key = (spec["issuer"].abbreviation, spec["type"].abbreviation, spec["term"])
            last_number[key] = spec["number"] = (last_number.get(key) or 0) + 1
        specs = iter(specs)

        for size in self.batches(self.documents, "Văn bản"):
            pages = []
            for _ in range(size):
                spec = next(specs)
                document_type, issuer, issued = spec["type"], spec["issuer"], spec["issued"]
                symbol = f"{spec['number']:02d}-{document_type.abbreviation}/{issuer.abbreviation}"
                summary = self.texts.document_summary(issued)
                signer = self.rng.choice(signers)
                expired = None
                if self.rng.random() < 0.1:
                    expired = issued + datetime.timedelta(days=self.rng.randint(365, 5 * 365))
                published = timezone.make_aware(
                    datetime.datetime.combine(issued, datetime.time(9))
                ) + datetime.timedelta(minutes=self.rng.randint(0, 600))
                paragraphs = [line.format(subject=summary) for line in template]
                page = writer.new_page(
                    title=f"{document_type.name} số {symbol} {summary}"[:255],
                    first_published_at=min(published, self.now),
                    number=spec["number"],
                    document_type=document_type,
                    issuer=issuer,
                    term=spec["term"],
                    date_issued=issued,
                    date_effective=issued,
                    date_expired=expired,
                    place="Đồng Nai",
                    summary=capitalise(summary),
                    listing_summary=capitalise(summary)[:500],
                    signer=signer["name"],
                    signer_position=signer["position"],
                    signing_authority=signer["authority"],
                    secrecy_level="",
                    body=raw_stream(
                        [("paragraph", "".join(f"<p>{escape(line)}</p>" for line in paragraphs))],
                        self.new_uuid,
                    ),
                )
                children.place(
                    page,
                    f"{spec['number']:02d}-{document_type.abbreviation}-{issuer.abbreviation}"
                    f"-{spec['term']}",
                )
                pages.append(page)
            writer.write(pages, children)
        self.created["LegalDocumentPage"] = self.documents
