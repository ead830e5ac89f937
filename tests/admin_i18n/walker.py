"""Django's test client as one role at a time, keeping every screen it renders."""

import json

from django.core import mail
from django.db import transaction
from django.test import Client

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from .screens import Screen

ROLE_NAMES = {
    "": "khách",
    "ctv": "cộng tác viên",
    "btv": "biên tập viên",
    "bbt": "ban biên tập",
}


class BrokenScreen(Exception):
    """A view raised: the screen is reported and its savepoint rolled back."""

    def __init__(self, response):
        super().__init__()
        self.response = response


class Walker:
    """Renders admin screens as one role at a time, noting every screen and its HTML."""

    def __init__(self, language, users):
        self.users = users
        # A view that raises gives a 500 with the exception in response.exc_info, so
        # one broken screen is reported without stopping the walk.
        self.client = Client(HTTP_ACCEPT_LANGUAGE=language, raise_request_exception=False)
        self.role = ""
        self.screens = []
        self._mails_seen = len(mail.outbox)

    def as_role(self, role):
        self.client.logout()
        if role:
            self.client.force_login(self.users[role])
        self.role = role

    def get(self, name, url, **kwargs):
        return self._record(name, url, lambda: self.client.get(url, follow=True, **kwargs))

    def post(self, name, url, data, **kwargs):
        return self._record(name, url, lambda: self.client.post(url, data, follow=True, **kwargs))

    def get_quietly(self, url):
        """A GET that is not a screen (to read a form before posting it)."""
        return self.client.get(url)

    def _record(self, name, url, call):
        screen = Screen(name=f"{name} ({ROLE_NAMES[self.role]})", role=self.role, url=url)
        try:
            # A savepoint per screen: a screen that fails leaves the others working.
            with transaction.atomic():
                response = call()
                if response.exc_info:
                    raise BrokenScreen(response)
        except BrokenScreen as broken:
            error = broken.response.exc_info[1]
            screen.error = f"{type(error).__name__}: {error}"
            response = None
        else:
            screen.status = response.status_code
            screen.html, screen.raw = self._texts_of(response)
            if response.redirect_chain:
                screen.url = response.redirect_chain[-1][0]
        screen.raw += self._new_mails()
        self.screens.append(screen)
        return response

    @staticmethod
    def _texts_of(response):
        """(HTML shown, whole body): a modal's JSON carries its HTML in one key."""
        if response.streaming:
            return "", ""
        content = response.content.decode("utf-8", "replace")
        if not response.get("Content-Type", "").startswith("application/json"):
            return content, content
        try:
            data = json.loads(content)
        except ValueError:
            return content, content
        if not isinstance(data, dict):
            return "", content
        return data.get("html") or data.get("htmlFragment") or "", content

    def _new_mails(self):
        """Subjects and bodies of the e-mails sent since the last screen (notifications)."""
        new = mail.outbox[self._mails_seen :]
        self._mails_seen = len(mail.outbox)
        texts = []
        for message in new:
            texts += [message.subject, message.body]
            texts += [content for content, _type in getattr(message, "alternatives", ())]
        return "\n".join(texts)


def form_data(html, fields, form_id="page-edit-form"):
    """The form's current values as the browser would post them, with `fields` on top."""
    data = querydict_from_html(html, form_id=form_id)
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(nested_form_data(fields))
    return data
