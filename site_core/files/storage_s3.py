"""Uploaded files in a private S3-compatible bucket, addressed on the portal's own host.

Used only when AWS_STORAGE_BUCKET_NAME is set (site_core/settings/production.py, needs
django-storages[s3]). S3Storage.url() would hand visitors a signed link to the bucket's
host: a request to a third party, valid for an hour whoever holds it, bypassing the file's
check. Here a file's URL is MEDIA_URL + its name on the portal's host, like with local
files, so every image goes through the media views, which check it and stream it from the
bucket (docs/files.md). Documents are served by /documents/<id>/<name> in any case.
"""

from urllib.parse import urljoin

from storages.backends.s3 import S3Storage

from django.conf import settings
from django.utils.encoding import filepath_to_uri


class PortalS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))
