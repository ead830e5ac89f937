"""Serializers that the page models name in their `api_fields` (see site_core/api/endpoints.py).

Kept apart from the API views: models import this module while the app registry loads,
and the image and document endpoints need a ready registry.
"""

from rest_framework import serializers

from wagtail.api.v2.utils import get_full_url
from wagtail.rich_text import expand_db_html


class NameSlugSerializer(serializers.Serializer):
    """A category: {"name": ..., "slug": ...}."""

    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)


class AbbreviatedSerializer(serializers.Serializer):
    """A document type or an issuing body: {"name": ..., "abbreviation": ...}."""

    name = serializers.CharField(read_only=True)
    abbreviation = serializers.CharField(read_only=True)


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField(source="display_title", read_only=True)
    download_url = serializers.SerializerMethodField()
    extension = serializers.CharField(read_only=True)

    def get_download_url(self, attachment):
        return get_full_url(self.context["request"], attachment.document.url)


class WholeInstanceField(serializers.Field):
    """A read-only field computed from the whole object rather than one attribute."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class LegalDocumentStatusField(WholeInstanceField):
    """{"code": "con-hieu-luc", "label": "Còn hiệu lực"} from the document's relations."""

    def to_representation(self, document):
        return document.get_status_badge()


class HistoryEventSerializer(serializers.Serializer):
    date = serializers.CharField(source="iso_date", read_only=True)
    date_label = serializers.CharField(read_only=True)
    year = serializers.IntegerField(read_only=True)
    month = serializers.IntegerField(read_only=True, allow_null=True)
    day = serializers.IntegerField(read_only=True, allow_null=True)
    title = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)
    note = serializers.CharField(read_only=True)


class OrgUnitContactsField(WholeInstanceField):
    def to_representation(self, unit):
        return {
            "address": unit.address,
            "phone": unit.phone,
            "fax": unit.fax,
            "email": unit.email,
            "website": unit.website,
        }


class ManyRelatedField(serializers.Field):
    """Serialises a many-to-many manager with `child` (a Serializer class) per object."""

    def __init__(self, child, **kwargs):
        self.child_class = child
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        return self.child_class(manager.all(), many=True, context=self.context).data


class RichTextHTMLField(serializers.CharField):
    """A RichTextField as front-end HTML: internal page and document links expanded."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return expand_db_html(value or "")


class OrgMembersField(WholeInstanceField):
    """Members of a unit whose person is published: name, position and term."""

    def to_representation(self, unit):
        memberships = unit.memberships.select_related("person", "term").filter(person__live=True)
        return [
            {
                "name": str(membership.person),
                "position": membership.position,
                # "2020–2025", as the term was written before it became a row.
                "term": membership.term.years if membership.term_id else "",
                "start_date": membership.start_date and membership.start_date.isoformat(),
                "end_date": membership.end_date and membership.end_date.isoformat(),
                "current": membership.is_current(),
            }
            for membership in memberships
        ]
