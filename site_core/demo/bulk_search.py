"""Search index rows for many new pages at once, as Wagtail's PostgreSQL backend writes them.

The stock backend (`wagtail.search.backends.database`, modelsearch's `PostgresIndex`) asks
each search field's value five times per page (for the title, body and autocomplete
vectors and the two plain texts), builds a Django expression per value, and after every
call refreshes `title_norm` over the whole table. For 100,000 pages that is most of the
seed's time. Here each page's field values are read once, with the backend's own
`ObjectIndexer.prepare_field`, and a batch becomes one `INSERT ... SELECT` that computes
the same vectors in SQL:

- `title`: `setweight(to_tsvector(config, text), weight)` of each value of the fields named
  "title", joined with `||` in field order (the stock `ADD` of `SearchVector`s);
- `body`: the same for every other `SearchField`;
- `autocomplete`: the `AutocompleteField`s, weight D, with the backend's autocomplete
  configuration;
- `title_text` / `body_text`: the stripped non-empty values joined with spaces;
- `title_norm` 1.0, then `refresh_title_norms()` once at the end of the seed, as the backend
  does after each call.

An empty value is kept in its place: `to_tsvector('')` is empty and concatenating an empty
vector shifts no position, so the result is the stock one, where empty values are dropped.
tests/test_seed_bulk.py compares a row written here with the backend's for the same page.
"""

from wagtail.search.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
from wagtail.search.index import AutocompleteField, SearchField


class SearchRows:
    """Writes the index entries of new objects of one model, in batches."""

    def __init__(self, model, content_type_id, backend):
        self.model = model
        self.content_type_id = content_type_id
        self.config = backend.config
        self.autocomplete_config = backend.autocomplete_config
        self.search_fields = model.get_search_fields()
        self.indexer = None

    def texts(self, obj):
        """(title, body, autocomplete) lists of (text, weight), each field read once."""
        if self.indexer is None:
            self.indexer = ObjectIndexer(obj, self)
        title, body, autocomplete = [], [], []
        for search_field in self.search_fields:
            for field, weight, value in self.indexer.prepare_field(obj, search_field):
                if isinstance(field, SearchField):
                    target = title if field.field_name == "title" else body
                    target.append((value.strip(), weight))
                elif isinstance(field, AutocompleteField):
                    autocomplete.append((value.strip(), weight))
        return title, body, autocomplete

    @staticmethod
    def vector(column, weights):
        if not weights:
            return "to_tsvector('')"
        return " || ".join(
            f"setweight(to_tsvector(%s::regconfig, v.{column}{number}), '{weight}')"
            for number, weight in enumerate(weights)
        )

    def write(self, batch, objects):
        """Add to `batch` (site_core.demo.bulk.Batch) the statements writing `objects`' rows."""
        # Pages whose fields give the same weights in the same places share one statement.
        groups = {}
        for obj in objects:
            title, body, autocomplete = self.texts(obj)
            shape = tuple(
                tuple(weight for _, weight in part) for part in (title, body, autocomplete)
            )
            values = [
                str(obj.pk),
                " ".join(text for text, _ in title if text),
                " ".join(text for text, _ in body if text),
            ]
            values.extend(text for part in (title, body, autocomplete) for text, _ in part)
            groups.setdefault(shape, []).append(values)
        for shape, rows in groups.items():
            batch.add(*self.insert(shape, rows))

    def insert(self, shape, rows):
        title_weights, body_weights, autocomplete_weights = shape
        columns = ["object_id", "title_text", "body_text"]
        for prefix, weights in zip("tba", shape, strict=True):
            columns.extend(f"{prefix}{number}" for number in range(len(weights)))
        for weight in (*title_weights, *body_weights, *autocomplete_weights):
            if weight not in ("A", "B", "C", "D"):
                raise ValueError(f"Unexpected search weight {weight!r}")
        config_params = (
            [self.config] * len(title_weights)
            + [self.autocomplete_config] * len(autocomplete_weights)
            + [self.config] * len(body_weights)
        )
        placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
        sql = f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm,
                 title_text, body_text)
            SELECT %s, v.object_id,
                   {self.vector("t", title_weights)},
                   {self.vector("a", autocomplete_weights)},
                   {self.vector("b", body_weights)},
                   1.0, v.title_text, v.body_text
            FROM (VALUES {", ".join([placeholders] * len(rows))}) AS v({", ".join(columns)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title,
                          title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text,
                          body_text = EXCLUDED.body_text
        """  # noqa: S608 - table, columns and weights are ours; the texts are parameters
        params = [self.content_type_id, *config_params]
        for row in rows:
            params.extend(row)
        return sql, params


def refresh_title_norms(backend):
    """What the backend does after each `add_bulk()`, once for the whole seed."""
    backend.index_class(backend)._refresh_title_norms()
