"""The demo portal that `manage.py seed_demo` builds: texts as data, generated pictures and PDFs.

Every text here was written for the demo. People are fictional (Nguyễn Văn A, Trần Thị B...);
pictures and PDF files are drawn locally, so the seed needs no network access.
"""
