"""How much of the admin a Vietnamese collaborator, editor or board member still sees in English.

tests/test_admin_i18n.py builds a small portal with the factories (one page of every
type, an English tree, snippets, an image, a document, a user per role) and walks every
admin screen of the publishing path with Django's test client as a collaborator, an
editor and a board member whose admin language is Vietnamese: login, dashboard,
explorer, the add and edit form of every page type, validation errors, the workflow
actions, their dialogs and messages, history and revisions, image and document choosers
and uploads, snippets, search, reports, account and unpublish.

- catalogues.py: the gettext catalogues, read and written with polib.
- portal.py: the content and the users the walk needs.
- walker.py: the test client as one role at a time, keeping each screen.
- path.py: the path itself, one method per role's step.
- screens.py: what a screen shows (readable text, labels made from field names).
- report.py: the walk run with a marker catalogue, and what it found (see there).

Translations live in the project's locale/ folder (LOCALE_PATHS), never in Wagtail.
"""
