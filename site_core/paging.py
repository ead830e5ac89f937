"""Seek (keyset) paging: every page of a long list costs what the first one costs.

Django's Paginator counts all rows and fetches page N with OFFSET (N-1)*per_page, so the
database reads and throws away every row before the page, and counts the whole list on
every request. `seek_paginate` keeps the visible `?page=N` URLs and the page object that
templates use (number, has_next, paginator.num_pages, page range...) but fetches a page
with

    WHERE (key columns) <= (key of the page's first row)
      AND (key columns) > (key of the next page's first row)
    ORDER BY key DESC LIMIT per_page

which an index on the key columns answers by reading only the page's rows (the second
bound keeps the planner from weighing the rest of the list, e.g. when a filter or an
annotation makes it misjudge how soon the LIMIT stops the scan).

The key of the first row of every page (the page boundaries) is read from the index in
chunks of CHUNK_PAGES pages: a chunk selects only the key columns of CHUNK_PAGES * per_page
rows, continuing after the last key of the previous chunk. Chunks and the row count are
kept in Django's cache under `navigation_version()`, which every publish, unpublish, move
or deletion renews (site_core/signals.py), and under a digest of the list's SQL, so a
filtered list has its own. Once warm, a deep page costs one cache read and one LIMIT'ed
index scan; cold, it reads the key columns of the rows before it once per version.

A chunk keeps the primary keys of its rows too (the last key), so a page knows its rows'
ids without a query: its `object_list` is a `PageRows`, which reads the rows (the same
LIMIT'ed seek) only when something uses more than their ids. A listing whose every row is
shown from a fragment kept under the same version (site_core/cards.py) reads none.

The keys must identify a row (end with the primary key) and contain no NULL: wrap a
nullable column in Coalesce with a value that sorts where PostgreSQL puts NULL (last in
ascending order, first in descending order). All keys go in one direction: a row
comparison `(a, b) < (x, y)` cannot mix them.
"""

import hashlib
from collections.abc import Sequence

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import models
from django.db.models.expressions import Expression, Value
from django.utils.functional import cached_property

from site_core.navigation import navigation_version

CHUNK_PAGES = 50
CACHE_TIMEOUT = 24 * 3600
CACHE_PREFIX = "portal:seek"


class RowCompare(Expression):
    """`(lhs1, lhs2, ...) op (value1, value2, ...)`: a row comparison, index-searchable."""

    conditional = True

    def __init__(self, lhs, op, values):
        super().__init__(output_field=models.BooleanField())
        if op not in ("<", "<=", ">", ">="):
            raise ValueError(op)
        self.lhs = list(lhs)
        self.op = op
        self.values = [Value(value) for value in values]

    def get_source_expressions(self):
        return [*self.lhs, *self.values]

    def set_source_expressions(self, exprs):
        self.lhs = list(exprs[: len(self.lhs)])
        self.values = list(exprs[len(self.lhs) :])

    def as_sql(self, compiler, connection):
        params = []
        sides = []
        for side in (self.lhs, self.values):
            parts = []
            for expression in side:
                sql, part_params = compiler.compile(expression)
                parts.append(sql)
                params.extend(part_params)
            sides.append(f"({', '.join(parts)})")
        return f"{sides[0]} {self.op} {sides[1]}", params


def as_expression(key):
    return models.F(key) if isinstance(key, str) else key


class SeekPaginator(Paginator):
    """A Paginator whose count and page boundaries are cached and whose pages are seeks.

    `queryset`: the list, unordered or ordered (the keys replace its ordering); `keys`:
    field names or expressions, the last one unique (the primary key).
    """

    def __init__(self, queryset, per_page, keys, descending=True, name=None):
        super().__init__(queryset, per_page)
        self.name = name
        self.keys = [as_expression(key) for key in keys]
        self.descending = descending
        ordering = [key.desc() if descending else key.asc() for key in self.keys]
        self.ordered = queryset.order_by(*ordering)
        self.key_names = [f"seek_key_{i}" for i in range(len(self.keys))]
        self.key_rows = (
            queryset.order_by()
            .annotate(**dict(zip(self.key_names, self.keys, strict=True)))
            .order_by(*ordering)
            .values_list(*self.key_names)
        )

    @cached_property
    def cache_base(self):
        if self.name is not None:
            # Named by the caller: no SQL compiled just to name the list.
            identity = (self.name, self.descending, self.per_page)
        else:
            identity = (*self.ordered.query.sql_with_params(), self.per_page)
        digest = hashlib.sha256(repr(identity).encode()).hexdigest()[:24]
        return f"{CACHE_PREFIX}:{navigation_version()}:{digest}"

    def read(self, *suffixes):
        """Cache entries `{cache_base}:{suffix}` read in one round trip, kept for this
        paginator: the count and the chunks a page needs are one MGET, not one GET each."""
        wanted = [suffix for suffix in suffixes if suffix not in self.found]
        if wanted:
            keys = {f"{self.cache_base}:{suffix}": suffix for suffix in wanted}
            values = cache.get_many(list(keys))
            self.found.update({suffix: values.get(key) for key, suffix in keys.items()})
        return [self.found[suffix] for suffix in suffixes]

    @cached_property
    def found(self):
        return {}

    @cached_property
    def count(self):
        key = f"{self.cache_base}:count"
        (count,) = self.read("count")
        if count is None:
            count = self.ordered.order_by().count()
            cache.set(key, count, CACHE_TIMEOUT)
        return count

    def seek(self, boundary, op):
        return RowCompare(self.keys, op, boundary)

    def first_key(self, boundary, op):
        """The same bound on the first key alone: implied by the row comparison, but the
        planner estimates a plain column range from its statistics (and misjudges a row
        comparison), so it sees that the page is a few rows and joins them by key."""
        return RowCompare(self.keys[:1], op, boundary[:1])

    def chunk(self, index):
        """(first keys of the chunk's pages, last key of the chunk, ids of the chunk's
        rows) of chunk `index`.

        Missing chunks are computed front to back from the nearest cached one, each
        continuing after the last key of the one before."""
        (found,) = self.read(f"chunk:{index}")
        if found is not None:
            return found
        start, after = index, None
        while start > 0:
            (previous,) = self.read(f"chunk:{start - 1}")
            if previous is not None:
                after = previous[1]
                if after is None:  # the list ends before this chunk
                    return ([], None, ())
                break
            start -= 1
        for number in range(start, index + 1):
            rows = self.key_rows
            if after is not None:
                rows = rows.filter(self.seek(after, "<" if self.descending else ">"))
            keys = [tuple(row) for row in rows[: CHUNK_PAGES * self.per_page]]
            # The last key is the primary key: the ids of every page of the chunk.
            found = (keys[:: self.per_page], keys[-1] if keys else None, [k[-1] for k in keys])
            cache.set(f"{self.cache_base}:chunk:{number}", found, CACHE_TIMEOUT)
            self.found[f"chunk:{number}"] = found
            after = found[1]
            if after is None:
                return found if number == index else ([], None, ())
        return found

    def boundary(self, number):
        """The key of the first row of page `number` (1-based), None if there is none."""
        chunk_index, position = divmod(number - 1, CHUNK_PAGES)
        starts = self.chunk(chunk_index)[0]
        return starts[position] if position < len(starts) else None

    def page_ids(self, number):
        """The ids of the rows of page `number`, in order, from its chunk."""
        chunk_index, position = divmod(number - 1, CHUNK_PAGES)
        ids = self.chunk(chunk_index)[2]
        return list(ids[position * self.per_page : (position + 1) * self.per_page])

    def validate_number(self, number):
        # The count and the chunks of the asked page and of the next one, in one round trip
        # (validate_number reads the count first).
        try:
            asked = int(number)
        except (TypeError, ValueError):
            asked = 1
        if asked >= 1:
            self.read("count", *{f"chunk:{(n - 1) // CHUNK_PAGES}" for n in (asked, asked + 1)})
        return super().validate_number(number)

    def page(self, number):
        number = self.validate_number(number)
        rows = self.ordered
        # Bounded on both sides by the first keys of this page and the next, the page is a
        # range of per_page index entries: the database never weighs the rest of the list.
        before, after = ("<=", ">") if self.descending else (">=", "<")
        if number > 1:
            start = self.boundary(number)
            if start is None:
                # The count said the page exists but the rows are gone: an empty page.
                return self._get_page([], number, self)
            rows = rows.filter(self.seek(start, before), self.first_key(start, before))
        end = self.boundary(number + 1)
        if end is not None:
            rows = rows.filter(self.seek(end, after), self.first_key(end, after + "="))
        rows = rows[: self.per_page]
        return self._get_page(PageRows(self.page_ids(number), rows, self.prepare), number, self)

    prepare = None


class RowRef:
    """A row of a page known by its id only (`PageRows`): `pk` and `id` answer without a
    query; anything else reads the page's rows (once) and answers from this row's."""

    __slots__ = ("pk", "_rows")

    def __init__(self, pk, rows):
        self.pk = pk
        self._rows = rows

    @property
    def id(self):
        return self.pk

    def __getattr__(self, name):
        return getattr(self._rows.row(self.pk), name)

    def __repr__(self):
        return f"<RowRef {self.pk}>"


class PageRows(Sequence):
    """The rows of one seek page: their ids, from the cached chunk, and the rows, read by
    `queryset` (the page's LIMIT'ed seek) the first time something needs them, then passed
    to `prepare(rows)` (what a view adds to each row) if given.

    Iterating gives the rows, unless `kept(ids)` (set by the view) says that everything the
    page shows of them is kept (site_core/cards.py): then `RowRef`s, and no query. `refs()`
    gives the RowRefs without deciding, for what needs only the ids (the cache keys).
    """

    def __init__(self, ids, queryset, prepare=None):
        self.ids = ids
        self.queryset = queryset
        self.prepare = prepare
        self.kept = None
        self._kept_refs = None
        self._rows = None

    def rows(self):
        if self._rows is None:
            rows = list(self.queryset)
            if self.prepare is not None:
                self.prepare(rows)
            self._rows = rows
        return self._rows

    def row(self, pk):
        found = next((row for row in self.rows() if row.pk == pk), None)
        if found is None:
            raise AttributeError(f"row {pk} is no longer in the list")
        return found

    def refs(self):
        return [RowRef(pk, self) for pk in self.ids]

    def _items(self):
        if self._rows is None:
            if self._kept_refs is None:
                kept = self.kept is not None and self.kept(self.ids)
                self._kept_refs = self.refs() if kept else False
            if self._kept_refs:
                return self._kept_refs
        return self.rows()

    def __iter__(self):
        return iter(self._items())

    def __len__(self):
        return len(self.ids) if self._rows is None else len(self._rows)

    def __getitem__(self, index):
        return self._items()[index]

    def __bool__(self):
        return len(self) > 0


def seek_paginate(request, queryset, keys, per_page=10, descending=True, name=None, prepare=None):
    """Like site_core.models.paginate (any ?page= value gives a valid page: non-numbers
    the first, out of range the last), by seek instead of OFFSET.

    `name`: what identifies the list (its page, its filters) among every list paged
    this way, for the keys of its cached count and boundaries; by default a digest of its
    SQL, which costs compiling the query once more per request. Two lists of different
    rows must never share a name.

    The page's `object_list` is a `PageRows`: the rows are read when first used, then
    `prepare(rows)` (if given) adds what the view shows of them."""
    paginator = SeekPaginator(queryset, per_page, keys, descending=descending, name=name)
    paginator.prepare = prepare
    return paginator.get_page(request.GET.get("page"))
