"""Gunicorn settings for the portal, read from the environment (deploy/portal.env.example).

Used by deploy/systemd/portal.service and by `make loadtest`, so the load test exercises
the configuration operators deploy:

    gunicorn -c deploy/gunicorn.conf.py site_core.wsgi
"""

import multiprocessing
import os

# A loopback address (nginx on the same host) or, with several app servers behind one
# proxy, a private address reachable only from the proxy (docs/deploy.md).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: each renders one page at a time, so the count bounds concurrent database
# connections (workers x app servers must stay below PostgreSQL's max_connections).
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))

# A worker stuck longer than this is killed and replaced; nginx's proxy_read_timeout is
# longer so that nginx reports the kill as 502, not a hang.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))

# Recycle workers now and then so that slow memory growth (image renditions) never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# Connections wait here while every worker is busy instead of being refused.
backlog = int(os.environ.get("GUNICORN_BACKLOG", "2048"))

# Only the proxy may set X-Forwarded-Proto / X-Forwarded-For.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs go to stdout/stderr, i.e. the journal under systemd.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Load the application before forking: workers share its memory and a broken
# configuration stops the service at once instead of in every worker.
preload_app = True
