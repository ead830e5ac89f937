"""Visitors' e-mail alerts (site_core/alerts, docs/alerts.md).

A visitor subscribes to document types, issuing bodies and news categories of a site;
a confirmation mail (double opt-in) activates it; the first publish of a matching page
enqueues a background task; the worker (`db_worker --batch`) sends each subscription at
most one alert per page, with a one-click unsubscribe (RFC 8058). No address is shown to
anyone, anywhere.
"""

import datetime
import re

import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale, Page, PageViewRestriction, Site

from site_core.alerts import sending, tokens
from site_core.alerts.models import (
    AlertEvent,
    Delivery,
    Subscription,
    SubscriptionRequest,
    SubscriptionTopic,
)
from site_core.alerts.tasks import announce_page
from site_core.cache import pages
from site_core.editorial.setup import setup_site
from tests import factories

pytestmark = pytest.mark.django_db

ADDRESS = "nguyen.van.a@example.vn"
OTHER = "tran.thi.b@example.vn"
LINK = re.compile(r"http://localhost(/[^\s\"<>]+/)")


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    cache.clear()  # the throttle counts live in the cache
    mail.outbox.clear()
    # The worker drops connections it thinks stale between tasks: inside a test's
    # transaction that would be the test's own connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    # A request to /en/ leaves English active in this thread, and reverse() follows it.
    translation.activate("vi")


@pytest.fixture
def category(db):
    return factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")


@pytest.fixture
def other_type(db):
    return factories.DocumentTypeFactory(name="Chỉ thị", abbreviation="CT")


@pytest.fixture
def portal(home_page, document_index, news_index, document_type, issuer, category):
    return {
        "home": home_page,
        "register": document_index,
        "news": news_index,
        "type": document_type,
        "issuer": issuer,
        "category": category,
    }


def run_worker():
    call_command(
        "db_worker", "--backend", "background", "--batch", "--no-startup-delay", verbosity=0
    )


def publish_document(register, **fields):
    """A draft document, then its first publish through a revision (page_published)."""
    document = factories.LegalDocumentPageFactory(parent=register, live=False, **fields)
    document.save_revision().publish()
    document.refresh_from_db()
    return document


def publish_article(news_index, categories, **fields):
    article = factories.NewsArticlePageFactory(parent=news_index, live=False, **fields)
    article.categories = categories
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def subscription(email, topics, site=None, language="vi"):
    """A confirmed subscription made directly: [(kind, object)]."""
    row = Subscription.objects.create(
        site=site or Site.objects.get(is_default_site=True), language=language, email=email
    )
    for kind, obj in topics:
        SubscriptionTopic.objects.create(subscription=row, kind=kind, object_id=obj.pk)
    return row


def link_in(message, name):
    paths = [path for path in LINK.findall(message.body) if f"/{name}/" in path]
    assert paths, message.body
    return paths[0]


def post_subscribe(client, email, **topics):
    data = {"email": email}
    for key, values in topics.items():
        data[f"topic_{key.replace('_', '-')}"] = [value.pk for value in values]
    return client.post(reverse("alerts_subscribe"), data, REMOTE_ADDR="192.0.2.10")


# --- the whole path ------------------------------------------------------------------------


def test_subscribe_confirm_publish_and_send_exactly_once(portal):
    client = Client(enforce_csrf_checks=True)
    form = client.get(reverse("alerts_subscribe"))
    assert form.status_code == 200
    html = form.content.decode()
    assert "Đăng ký nhận tin qua thư điện tử" in html
    assert "Nghị quyết (NQ)" in html and "Tỉnh ủy (TU)" in html and "Xây dựng Đảng" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    done = client.post(
        reverse("alerts_subscribe"),
        {
            "email": ADDRESS,
            "topic_document-type": [portal["type"].pk],
            "csrfmiddlewaretoken": token,
        },
    )
    assert done.status_code == 200
    assert "Kiểm tra hộp thư của bạn" in done.content.decode()
    # The request never talks to the mail server; nothing is active before confirmation.
    assert mail.outbox == []
    assert not Subscription.objects.exists()

    run_worker()
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == [ADDRESS]
    assert confirmation.subject.startswith("Xác nhận đăng ký nhận tin")
    assert "Loại văn bản: Nghị quyết (NQ)" in confirmation.body
    assert confirmation.alternatives[0][1] == "text/html"
    confirm_url = link_in(confirmation, "xac-nhan")

    # Following the link (a mail scanner does) changes nothing; the button confirms.
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Xác nhận đăng ký" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"
    assert not Subscription.objects.exists()
    confirmed = client.post(confirm_url)
    assert confirmed.status_code == 200
    assert "Đăng ký đã có hiệu lực" in confirmed.content.decode()
    subscribed = Subscription.objects.get()
    assert subscribed.email == ADDRESS
    assert list(subscribed.topics.values_list("kind", "object_id")) == [
        ("document-type", portal["type"].pk)
    ]
    assert not SubscriptionRequest.objects.exists()
    # The link worked once.
    assert client.post(confirm_url).status_code == 404

    mail.outbox.clear()
    document = publish_document(portal["register"], title="Nghị quyết về chuyển đổi số")
    assert mail.outbox == []  # never sent from the publishing request
    assert AlertEvent.objects.filter(page=document).count() == 1

    run_worker()
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert alert.to == [ADDRESS]
    assert document.number_symbol in alert.subject
    assert "Văn bản mới" in alert.subject
    assert "Nghị quyết về chuyển đổi số" in alert.body
    assert document.get_full_url() in alert.body
    unsubscribe_url = link_in(alert, "huy")
    assert alert.extra_headers["List-Unsubscribe"] == f"<http://localhost{unsubscribe_url}>"
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html_body, mimetype = alert.alternatives[0]
    assert mimetype == "text/html" and "Hủy đăng ký" in html_body
    assert unsubscribe_url in html_body
    assert "Hủy đăng ký (một lần bấm)" in alert.body
    assert Delivery.objects.get().status == Delivery.SENT

    # The worker again, the task enqueued again, a republished edit: nothing more.
    run_worker()
    announce_page.enqueue(AlertEvent.objects.get().pk)
    run_worker()
    document.title = "Nghị quyết về chuyển đổi số (sửa)"
    document.save_revision().publish()
    run_worker()
    assert len(mail.outbox) == 1
    assert AlertEvent.objects.count() == 1
    assert Delivery.objects.count() == 1


def test_a_document_reaches_its_type_issuer_and_joint_issuer_subscribers_once_each(portal):
    joint = factories.IssuingBodyFactory(name="Ban Tổ chức Tỉnh ủy", abbreviation="BTCTU")
    by_type = subscription("a@example.vn", [("document-type", portal["type"])])
    by_both = subscription(
        "b@example.vn", [("document-type", portal["type"]), ("document-issuer", portal["issuer"])]
    )
    by_joint = subscription("c@example.vn", [("document-issuer", joint)])
    other = subscription("d@example.vn", [("news-category", portal["category"])])
    document = factories.LegalDocumentPageFactory(parent=portal["register"], live=False)
    document.co_issuers = [joint]
    document.save_revision().publish()
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "a@example.vn",
        "b@example.vn",
        "c@example.vn",
    ]
    assert {d.subscription_id for d in Delivery.objects.all()} == {
        by_type.pk,
        by_both.pk,
        by_joint.pk,
    }
    assert other.pk not in set(Delivery.objects.values_list("subscription_id", flat=True))


def test_a_news_article_reaches_its_category_subscribers(portal):
    subscription(ADDRESS, [("news-category", portal["category"])])
    elsewhere = factories.NewsCategoryFactory(name="Kinh tế", slug="kinh-te")
    publish_article(portal["news"], [elsewhere], title="Tin kinh tế")
    publish_article(portal["news"], [portal["category"]], title="Hội nghị xây dựng Đảng")
    run_worker()
    assert len(mail.outbox) == 1
    assert "Tin hoạt động mới: Hội nghị xây dựng Đảng" in mail.outbox[0].subject


# --- never twice, never lost by a restart ---------------------------------------------------


def test_a_crash_between_writing_and_sending_sends_each_alert_once(portal):
    """The worker died after writing the deliveries (PENDING) and after sending one of
    them: the next run sends the others, not the sent one again."""
    for n in range(3):
        subscription(f"nguoi{n}@example.vn", [("document-type", portal["type"])])
    document = publish_document(portal["register"])
    event = AlertEvent.objects.get(page=document)
    sending.write_deliveries(event, document)
    first = Delivery.objects.order_by("pk").first()
    Delivery.objects.filter(pk=first.pk).update(status=Delivery.SENT, sent_at=timezone.now())
    # ...and the task the dead worker held never finished (claimed, RUNNING forever).
    DBTaskResult.objects.update(status="RUNNING")
    run_worker()
    assert mail.outbox == []

    call_command("alerts_recover", verbosity=0)
    run_worker()
    assert len(mail.outbox) == 2
    assert first.subscription.email not in [message.to[0] for message in mail.outbox]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.SENT}
    assert AlertEvent.objects.get().finished_at is not None
    # Recovering again, or running the worker again, sends nothing.
    call_command("alerts_recover", verbosity=0)
    run_worker()
    assert len(mail.outbox) == 2


def test_a_delivery_claimed_when_the_worker_died_is_never_sent_again(portal):
    subscription(ADDRESS, [("document-type", portal["type"])])
    document = publish_document(portal["register"])
    event = AlertEvent.objects.get(page=document)
    sending.write_deliveries(event, document)
    # Claimed (perhaps handed to the mail server) and never marked: at most once.
    Delivery.objects.update(
        status=Delivery.SENDING, claimed_at=timezone.now() - datetime.timedelta(hours=2)
    )
    DBTaskResult.objects.update(status="RUNNING")
    call_command("alerts_recover", verbosity=0)
    run_worker()
    assert mail.outbox == []
    assert Delivery.objects.get().status == Delivery.UNKNOWN


def test_a_refused_send_is_tried_again_later(portal, settings):
    settings.EMAIL_BACKEND = "tests.test_alerts.RefusingBackend"
    subscription(ADDRESS, [("document-type", portal["type"])])
    publish_document(portal["register"])
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.PENDING and delivery.attempts == 1
    assert delivery.not_before > timezone.now()
    # A retry is queued for later, not run at once.
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after is not None and retry.run_after > timezone.now()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Delivery.objects.update(not_before=timezone.now())
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == Delivery.SENT


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


# --- what is never announced --------------------------------------------------------------


def test_drafts_private_scheduled_and_republished_copies_are_never_announced(portal):
    subscription(
        ADDRESS, [("document-type", portal["type"]), ("news-category", portal["category"])]
    )
    draft = factories.LegalDocumentPageFactory(parent=portal["register"], live=False)
    draft.save_revision()  # a draft revision only
    scheduled = factories.LegalDocumentPageFactory(parent=portal["register"], live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()
    private_section = factories.LegalDocumentIndexPageFactory(
        parent=portal["home"], title="Văn bản nội bộ", slug="noi-bo"
    )
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    private = publish_document(private_section)
    copy = publish_article(
        portal["news"],
        [portal["category"]],
        original_url="http://xa.example.vn/tin-hoat-dong/bai-goc/",
    )
    run_worker()
    assert mail.outbox == []
    assert not AlertEvent.objects.filter(page__in=[draft, scheduled]).exists()
    skipped = dict(AlertEvent.objects.values_list("page_id", "skipped"))
    assert skipped == {
        private.pk: "trang hạn chế người xem",
        copy.pk: "bản đăng lại, bài gốc ở nơi khác",
    }


def test_a_page_withdrawn_before_the_worker_runs_is_not_announced(portal):
    subscription(ADDRESS, [("document-type", portal["type"])])
    document = publish_document(portal["register"])
    document.unpublish()
    run_worker()
    assert mail.outbox == []
    assert AlertEvent.objects.get().skipped == "không còn đăng"


def test_a_sub_portal_subscription_gets_only_its_own_sites_items(portal, root_page):
    sub_home = factories.HomePageFactory(parent=root_page, title="Xã Tân Phú", slug="xa-tan-phu")
    sub_site = Site.objects.create(hostname="xa.localhost", port=80, root_page=sub_home)
    sub_register = factories.LegalDocumentIndexPageFactory(parent=sub_home)
    subscription("tinh@example.vn", [("document-type", portal["type"])])
    subscription("xa@example.vn", [("document-type", portal["type"])], site=sub_site)

    document = publish_document(sub_register, title="Nghị quyết của Đảng ủy xã")
    run_worker()
    assert [message.to for message in mail.outbox] == [["xa@example.vn"]]
    assert "http://xa.localhost/" in mail.outbox[0].body
    assert document.get_full_url() in mail.outbox[0].body


# --- unsubscribing and managing -----------------------------------------------------------


def test_one_click_unsubscribe_posts_without_a_csrf_token(portal):
    row = subscription(ADDRESS, [("document-type", portal["type"])])
    url = reverse("alerts_unsubscribe", args=[tokens.manage_token(row)])
    client = Client(enforce_csrf_checks=True)
    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the link.
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "Đã hủy đăng ký" in response.content.decode()
    assert not Subscription.objects.exists()
    assert not SubscriptionTopic.objects.exists()
    # Again: still a success, nothing to do.
    assert client.post(url).status_code == 200


def test_unsubscribe_link_followed_with_get_asks_first(portal):
    row = subscription(ADDRESS, [("document-type", portal["type"])])
    url = reverse("alerts_unsubscribe", args=[tokens.manage_token(row)])
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    assert Subscription.objects.exists()  # a mail scanner's GET unsubscribes nobody
    assert client.post(url).status_code == 200
    assert not Subscription.objects.exists()


def test_preferences_are_changed_through_the_signed_link(portal, other_type):
    row = subscription(ADDRESS, [("document-type", portal["type"])])
    url = reverse("alerts_manage", args=[tokens.manage_token(row)])
    client = Client(enforce_csrf_checks=True)
    page = client.get(url).content.decode()
    assert f'value="{portal["type"].pk}"' in page and "checked" in page
    assert ADDRESS not in page
    response = client.post(
        url,
        {"topic_document-type": [other_type.pk], "topic_news-category": [portal["category"].pk]},
    )
    assert response.status_code == 200
    assert "Đã lưu lựa chọn của bạn" in response.content.decode()
    assert set(row.topics.values_list("kind", "object_id")) == {
        ("document-type", other_type.pk),
        ("news-category", portal["category"].pk),
    }
    empty = client.post(url, {})
    assert "Hãy chọn ít nhất một" in empty.content.decode()
    assert row.topics.count() == 2


# --- no oracle, no flood -------------------------------------------------------------------


def test_the_answer_is_the_same_whether_the_address_is_subscribed_or_not(portal, other_type):
    subscribed = subscription(ADDRESS, [("document-type", portal["type"])])
    client = Client()
    known = post_subscribe(client, ADDRESS, document_type=[other_type])
    unknown = post_subscribe(client, OTHER, document_type=[other_type])
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    # Both get a confirmation; the subscribed address's topics change only if it confirms.
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == [ADDRESS, OTHER]
    assert list(subscribed.topics.values_list("object_id", flat=True)) == [portal["type"].pk]
    message = next(m for m in mail.outbox if m.to == [ADDRESS])
    Client().post(link_in(message, "xac-nhan"))
    assert list(subscribed.topics.values_list("object_id", flat=True)) == [other_type.pk]
    assert Subscription.objects.filter(email=ADDRESS).count() == 1


def test_requests_are_limited_per_address_and_per_client(portal, settings):
    settings.PORTAL_ALERTS_THROTTLE = {"address": (2, 3600), "ip": (4, 3600)}
    client = Client()
    answers = [
        post_subscribe(client, "Nguyen.Van.A@Example.vn", document_type=[portal["type"]])
        for _ in range(3)
    ]
    # The third is answered like the others, and mails nobody.
    assert {answer.content for answer in answers} == {answers[0].content}
    assert SubscriptionRequest.objects.count() == 2
    assert set(SubscriptionRequest.objects.values_list("email", flat=True)) == {ADDRESS}
    fourth = post_subscribe(client, OTHER, document_type=[portal["type"]])
    assert fourth.status_code == 200
    fifth = post_subscribe(client, "khac@example.vn", document_type=[portal["type"]])
    assert fifth.status_code == 429
    assert "quá nhiều yêu cầu" in fifth.content.decode()
    assert SubscriptionRequest.objects.count() == 3
    run_worker()
    assert len(mail.outbox) == 3
    # No address in the cache's keys.
    assert all("example" not in str(key) for key in getattr(cache, "_cache", {}))


def test_the_form_asks_for_an_address_and_a_topic(portal):
    client = Client()
    no_topic = post_subscribe(client, ADDRESS)
    assert "Hãy chọn ít nhất một" in no_topic.content.decode()
    bad = post_subscribe(client, "khong-phai-dia-chi", document_type=[portal["type"]])
    assert "Địa chỉ thư điện tử không hợp lệ" in bad.content.decode()
    unknown_choice = client.post(
        reverse("alerts_subscribe"), {"email": ADDRESS, "topic_document-type": ["999999", "x"]}
    )
    assert unknown_choice.status_code == 200
    assert not SubscriptionRequest.objects.exists()


# --- links that do not work ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["alerts_confirm", "alerts_manage", "alerts_unsubscribe"])
@pytest.mark.parametrize("token", ["rac", "WzEsImFiYyJd:1vQ:khong-phai-chu-ky", "%00", "a" * 500])
def test_bad_links_answer_400_in_vietnamese(portal, name, token):
    response = Client().get(reverse(name, args=[token]))
    assert response.status_code == 400
    assert "Liên kết không hợp lệ" in response.content.decode()
    assert Client().post(reverse(name, args=[token])).status_code == 400


def test_a_token_of_one_kind_is_no_token_of_another(portal):
    row = subscription(ADDRESS, [("document-type", portal["type"])])
    manage = tokens.manage_token(row)
    assert Client().post(reverse("alerts_confirm", args=[manage])).status_code == 400


def test_expired_and_spent_links(portal, settings):
    request_row = SubscriptionRequest.objects.create(
        site=Site.objects.get(is_default_site=True),
        language="vi",
        email=ADDRESS,
        topics=[["document-type", portal["type"].pk]],
    )
    url = reverse("alerts_confirm", args=[tokens.confirm_token(request_row)])
    settings.PORTAL_ALERTS_CONFIRM_MAX_AGE = -1
    expired = Client().post(url)
    assert expired.status_code == 400
    assert "đã hết hạn" in expired.content.decode()
    assert not Subscription.objects.exists()
    settings.PORTAL_ALERTS_CONFIRM_MAX_AGE = 3600
    row = subscription(OTHER, [("document-type", portal["type"])])
    manage = reverse("alerts_manage", args=[tokens.manage_token(row)])
    row.delete()
    gone = Client().get(manage)
    assert gone.status_code == 404
    assert "không còn" in gone.content.decode()


# --- no address anywhere -------------------------------------------------------------------


def test_no_address_in_the_admin_or_the_public_pages(portal, admin_client):
    row = subscription(ADDRESS, [("document-type", portal["type"])])
    subscription(OTHER, [("document-type", portal["type"]), ("news-category", portal["category"])])
    SubscriptionRequest.objects.create(
        site=row.site, language="vi", email="cho@example.vn", topics=[]
    )
    publish_document(portal["register"], title="Nghị quyết mới")
    run_worker()
    report = admin_client.get(reverse("alerts_report"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "Nhận tin qua thư" in html
    assert "Đã xác nhận: <strong>2</strong>" in html
    assert "Nghị quyết (NQ)" in html and "Nghị quyết mới" in html
    public = [
        reverse("alerts_subscribe"),
        portal["register"].url,
        portal["news"].url,
        reverse("alerts_manage", args=[tokens.manage_token(row)]),
        reverse("alerts_unsubscribe", args=[tokens.manage_token(row)]),
        "/api/v2/pages/",
    ]
    for url in [reverse("wagtailadmin_home"), "/admin/reports/", *public]:
        body = admin_client.get(url).content.decode() if url.startswith("/admin") else ""
        body += Client().get(url).content.decode()
        for address in (ADDRESS, OTHER, "cho@example.vn", "example.vn"):
            assert address not in body, url
    assert "@" not in str(row) and ADDRESS not in repr(row)


def test_the_report_is_for_the_board_only(portal, django_user_model):
    groups = setup_site(Site.objects.get(is_default_site=True))
    editor = django_user_model.objects.create_user(username="bientap", password="x" * 12)
    editor.groups.add(groups["editors"])
    board = django_user_model.objects.create_user(username="banbientap", password="x" * 12)
    board.groups.add(groups["board"])
    client = Client()
    client.force_login(editor)
    assert client.get(reverse("alerts_report")).status_code in (302, 403)
    client.force_login(board)
    assert client.get(reverse("alerts_report")).status_code == 200


# --- the page cache, CSRF and the links to the form ----------------------------------------


def test_subscribing_works_with_the_page_cache_on(portal, settings):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    client = Client(enforce_csrf_checks=True)
    first = client.get(reverse("alerts_subscribe"))
    second = client.get(reverse("alerts_subscribe"))
    # A form with a CSRF token is never kept whole: each visitor gets their own token.
    assert first.headers.get(pages.STATUS_HEADER) != pages.HIT
    assert second.headers.get(pages.STATUS_HEADER) != pages.HIT
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', second.content.decode())[1]
    done = client.post(
        reverse("alerts_subscribe"),
        {
            "email": ADDRESS,
            "topic_document-type": [portal["type"].pk],
            "csrfmiddlewaretoken": token,
        },
    )
    assert done.status_code == 200
    assert SubscriptionRequest.objects.count() == 1
    # Without the token, refused.
    assert (
        Client(enforce_csrf_checks=True)
        .post(reverse("alerts_subscribe"), {"email": OTHER})
        .status_code
        == 403
    )
    # The register and the news list (kept whole) link to the form, with no token in them.
    for url in (portal["register"].url, portal["news"].url):
        client.get(url)
        kept = client.get(url)
        assert kept.headers.get(pages.STATUS_HEADER) == pages.HIT, url
        html = kept.content.decode()
        assert reverse("alerts_subscribe") in html and "csrfmiddlewaretoken" not in html


def test_the_footer_links_to_the_form(portal, client):
    html = client.get(portal["home"].url).content.decode()
    assert f'href="{reverse("alerts_subscribe")}"' in html
    assert "Đăng ký nhận tin qua thư điện tử" in html


def test_a_site_without_a_register_offers_only_news(home_page, news_index, category, client):
    html = client.get(reverse("alerts_subscribe")).content.decode()
    assert "Xây dựng Đảng" in html
    assert "Loại văn bản" not in html


def test_the_request_enqueues_and_never_sends(portal, django_assert_max_num_queries):
    client = Client()
    client.get(reverse("alerts_subscribe"))  # the chrome's settings and caches, once
    # Site, home, the choices offered, the day's count, the request and the task row, the
    # page's chrome: no mail server, no lookup of subscriptions.
    with django_assert_max_num_queries(18):
        post_subscribe(client, ADDRESS, document_type=[portal["type"]])
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_deleting_a_page_deletes_its_alert_records(portal):
    subscription(ADDRESS, [("document-type", portal["type"])])
    document = publish_document(portal["register"])
    run_worker()
    Page.objects.get(pk=document.pk).delete()
    assert not AlertEvent.objects.exists() and not Delivery.objects.exists()


# --- the English site ----------------------------------------------------------------------


def test_english_visitors_subscribe_on_en_and_get_english_alerts(portal):
    english = Locale.objects.get(language_code="en")
    en_home = portal["home"].copy_for_translation(english)
    en_home.title, en_home.slug = "Home", "home-en"
    en_home.save_revision().publish()
    en_register = portal["register"].copy_for_translation(english)
    en_register.title, en_register.slug = "Documents", "documents"
    en_register.save_revision().publish()
    en_type = portal["type"].copy_for_translation(english)
    en_type.name = "Resolution"
    en_type.save()
    subscription(OTHER, [("document-type", portal["type"])])  # Vietnamese

    client = Client()
    with translation.override("en"):
        url = reverse("alerts_subscribe")
    assert url == "/en/dang-ky-nhan-tin/"
    html = client.get(url).content.decode()
    assert '<html lang="en"' in html and "E-mail alerts" in html and "Resolution (NQ)" in html
    response = client.post(url, {"email": ADDRESS, "topic_document-type": [en_type.pk]})
    assert "Check your mailbox" in response.content.decode()
    run_worker()
    confirmation = mail.outbox.pop()
    assert confirmation.subject.startswith("Confirm your subscription")
    confirm_url = link_in(confirmation, "xac-nhan")
    assert confirm_url.startswith("/en/")
    assert "Thank you" in client.post(confirm_url).content.decode()
    assert Subscription.objects.get(email=ADDRESS).language == "en"

    publish_document(en_register, title="Resolution on digital transformation")
    run_worker()
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    alert = mail.outbox[0]
    assert "New in Documents: " in alert.subject
    assert "Unsubscribe (one click):" in alert.body
    assert "/en/dang-ky-nhan-tin/huy/" in alert.extra_headers["List-Unsubscribe"]


def test_a_scheduled_document_is_announced_when_it_goes_live(portal):
    subscription(ADDRESS, [("document-type", portal["type"])])
    document = factories.LegalDocumentPageFactory(parent=portal["register"], live=False)
    document.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = document.save_revision()
    revision.publish()
    run_worker()
    assert mail.outbox == [] and not AlertEvent.objects.exists()
    # An hour later (the revision's go-live time and its approval moved back instead).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    run_worker()
    assert [message.to for message in mail.outbox] == [[ADDRESS]]


def test_sending_costs_a_few_queries_per_alert(portal, django_assert_max_num_queries):
    for n in range(20):
        subscription(f"nguoi{n}@example.vn", [("document-type", portal["type"])])
    document = publish_document(portal["register"])
    event = AlertEvent.objects.get(page=document)
    # Match and write 20 deliveries, then per alert: the claim (select for update, update,
    # in a savepoint), the subscription and its topics, the mark: 8 queries at most.
    with django_assert_max_num_queries(20 + 20 * 8) as captured:
        sending.announce(event.pk)
    print(f"\n[queries] 20 alerts: {len(captured.captured_queries)}")
    assert len(mail.outbox) == 20


def test_the_form_on_a_sub_portal_offers_its_own_lists(portal, root_page):
    sub_home = factories.HomePageFactory(parent=root_page, title="Xã Tân Phú", slug="xa-tan-phu")
    sub_site = Site.objects.create(hostname="xa.localhost", port=80, root_page=sub_home)
    factories.NewsIndexPageFactory(parent=sub_home)  # news, but no register
    client = Client(HTTP_HOST="xa.localhost")
    html = client.get(reverse("alerts_subscribe")).content.decode()
    assert "Xây dựng Đảng" in html and "Loại văn bản" not in html
    client.post(
        reverse("alerts_subscribe"),
        {"email": ADDRESS, "topic_news-category": [portal["category"].pk]},
    )
    assert SubscriptionRequest.objects.get().site == sub_site
    # A document type is no choice there.
    client.post(
        reverse("alerts_subscribe"), {"email": OTHER, "topic_document-type": [portal["type"].pk]}
    )
    assert SubscriptionRequest.objects.count() == 1
