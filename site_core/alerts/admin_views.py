"""The board's view of the alerts (Báo cáo → Nhận tin qua thư): counts, never addresses.

Superusers see every site; a site's board (its "Ban biên tập" group) sees its own site.
Per site: confirmed subscriptions and requests waiting for confirmation; per topic, how
many subscriptions follow it; the latest announced pages with how many alerts were sent,
are waiting, failed, or are unknown after a crash.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import path, reverse
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from site_core.alerts import registry
from site_core.alerts.mail import language_home
from site_core.alerts.models import (
    AlertEvent,
    Delivery,
    Subscription,
    SubscriptionRequest,
    SubscriptionTopic,
)
from site_core.editorial.setup import group_names

RECENT_EVENTS = 20


def visible_sites(user):
    if not user.is_authenticated or not user.is_active:
        return []
    sites = list(Site.objects.select_related("root_page").order_by("-is_default_site", "pk"))
    if user.is_superuser:
        return sites
    groups = set(user.groups.values_list("name", flat=True))
    return [site for site in sites if group_names(site)["board"] in groups]


def topic_counts(site):
    """[(language, [(kind label, [(choice label, count)])])] of the site's subscriptions."""
    rows = (
        SubscriptionTopic.objects.filter(subscription__site=site)
        .values("subscription__language", "kind", "object_id")
        .annotate(count=Count("subscription"))
    )
    counts = {}
    for row in rows:
        language = row["subscription__language"]
        counts.setdefault(language, {})[(row["kind"], row["object_id"])] = row["count"]
    result = []
    for language, found in sorted(counts.items()):
        home = language_home(site, language)
        kinds = []
        for kind, choices in registry.offered_choices(home):
            listed = [
                (label, found[(kind.key, pk)]) for pk, label in choices if (kind.key, pk) in found
            ]
            if listed:
                kinds.append((kind.label, listed))
        result.append((language, kinds))
    return result


def recent_events(site):
    home_paths = [home.path for home in site.root_page.get_translations(inclusive=True)]
    in_site = Q()
    for home_path in home_paths:
        in_site |= Q(page__path__startswith=home_path)
    return (
        AlertEvent.objects.filter(in_site)
        .select_related("page")
        .annotate(
            sent=Count("deliveries", filter=Q(deliveries__status=Delivery.SENT)),
            waiting=Count(
                "deliveries",
                filter=Q(deliveries__status__in=[Delivery.PENDING, Delivery.SENDING]),
            ),
            failed=Count("deliveries", filter=Q(deliveries__status=Delivery.FAILED)),
            unknown=Count("deliveries", filter=Q(deliveries__status=Delivery.UNKNOWN)),
        )
        .order_by("-created_at", "-pk")[:RECENT_EVENTS]
    )


class AlertsReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Nhận tin qua thư"
    template_name = "portal_alerts/admin/report.html"

    def dispatch(self, request, *args, **kwargs):
        self.sites = visible_sites(request.user)
        if not self.sites:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sites"] = [
            {
                "site": site,
                "subscriptions": Subscription.objects.filter(site=site).count(),
                "waiting": SubscriptionRequest.objects.filter(site=site).count(),
                "topics": topic_counts(site),
                "events": recent_events(site),
            }
            for site in self.sites
        ]
        return context


class AlertsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(visible_sites(request.user))


def report_urls():
    return [path("nhan-tin-qua-thu/", AlertsReportView.as_view(), name="alerts_report")]


def report_menu_item():
    return AlertsMenuItem("Nhận tin qua thư", reverse("alerts_report"), icon_name="mail", order=900)
