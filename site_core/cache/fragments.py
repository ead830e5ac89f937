"""The "template_fragments" cache of `{% wagtailcache %}`: the default cache, read through
what the request prefetched.

base.html's `{% prefetch_chrome %}` (site_core/templatetags/portal_tags.py) reads the keys
of the header, menu, breadcrumbs and footer fragments, the <head> meta and the language
links in one round trip (site_core/navigation.py `prefetch`); each fragment tag then finds
its value there instead of asking the cache again. Everything else (writes, a key that
was not prefetched, a second reading) goes to the default cache as before.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from site_core.navigation import prefetched_get


class PrefetchedFragmentCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.alias = location or "default"

    @property
    def target(self):
        return caches[self.alias]

    def get(self, key, default=None, version=None):
        if version is not None:
            return self.target.get(key, default, version)
        value = prefetched_get(self.target, key)
        return default if value is None else value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.add(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.touch(key, timeout, version)

    def delete(self, key, version=None):
        return self.target.delete(key, version)

    def has_key(self, key, version=None):
        return self.target.has_key(key, version)

    def clear(self):
        return self.target.clear()
