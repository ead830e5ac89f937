"""Which live content uses an object (an image, a document...), from Wagtail's reference index.

The reference index records what every page, snippet and setting refers to, through foreign
keys, inline panels, StreamField choosers and rich text. It is built from the database row,
and the row of a live page or a live snippet holds its live version (drafts live in
revisions), so a reference from a live object is a use visitors see.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from wagtail.models import DraftStateMixin, Page, ReferenceIndex


def live_users(obj):
    """The live objects that refer to `obj`: pages, live snippets, settings.

    Pages come back as plain `Page` instances. Objects without a draft state (site settings,
    reference tables) are always live.
    """
    sources = defaultdict(set)
    for content_type_id, object_id in (
        ReferenceIndex.get_references_to(obj)
        .values_list("base_content_type_id", "object_id")
        .distinct()
    ):
        sources[content_type_id].add(object_id)

    found = []
    for content_type_id, object_ids in sources.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a model removed from the code base
            continue
        queryset = model._default_manager.filter(pk__in=object_ids)
        if issubclass(model, Page) or issubclass(model, DraftStateMixin):
            queryset = queryset.filter(live=True)
        found.extend(queryset)
    return found
