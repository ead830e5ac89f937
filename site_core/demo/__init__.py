"""The demo portal that `manage.py seed_demo` builds.

Its texts are data (data/*.json, read by content.py), all written for the demo; people are
fictional (Nguyễn Văn A, Trần Thị B...). Pictures and PDF files are drawn locally, so the
seed needs no network access.
"""
