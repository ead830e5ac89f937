from django.apps import AppConfig
from django.db.models.signals import pre_save


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"

    def ready(self):
        from taggit.models import Tag
        from wagtail.signals import page_published

        from .models import NewsArticlePage
        from .royalties import record_on_publish
        from .tags import give_tag_an_ascii_slug

        pre_save.connect(give_tag_an_ascii_slug, sender=Tag, dispatch_uid="news-ascii-tag-slug")
        # Sổ nhuận bút: the ledger lines of an article's first publication.
        page_published.connect(
            record_on_publish, sender=NewsArticlePage, dispatch_uid="news-royalty-ledger"
        )
