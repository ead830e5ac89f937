"""The production stack on 127.0.0.1, for `make loadtest` and `make bench`.

A dedicated PostgreSQL database on the shared cluster (created, dropped, connections
terminated: only that one), a redis-server of its own on a private port (the shared one on
6379 is never touched) and gunicorn with the production settings and deploy/gunicorn.conf.py.
Nothing here ever listens on or connects to anything but 127.0.0.1.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"  # the only address these tools ever send traffic to


def sayer(tag):
    def say(message):
        print(f"[{tag} {time.strftime('%H:%M:%S')}] {message}", flush=True)

    return say


# --- the database --------------------------------------------------------------------------


def database_name(database_url):
    return urlsplit(database_url).path.lstrip("/")


def admin_connection(database_url, dbname="postgres"):
    """An autocommit connection to `dbname` (the maintenance database by default) on the
    cluster of `database_url`, which must be on 127.0.0.1."""
    parts = urlsplit(database_url)
    host = parts.hostname or HOST
    if host not in {HOST, "localhost"}:
        sys.exit(f"Refusing {host!r}: the benchmark tools only use PostgreSQL on {HOST}.")
    try:
        connection = psycopg2.connect(
            dbname=dbname,
            user=parts.username or "postgres",
            password=parts.password or None,
            host=HOST,
            port=parts.port or 5432,
            connect_timeout=5,
        )
    except psycopg2.OperationalError as error:
        sys.exit(f"PostgreSQL is needed on {HOST}:{parts.port or 5432}: {error}".strip())
    connection.autocommit = True
    return connection


def database_exists(database_url):
    with admin_connection(database_url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name(database_url)]
        )
        return cursor.fetchone() is not None


def recreate_database(database_url, must_contain):
    """Drop and create the tool's own database; its name must contain `must_contain`."""
    name = database_name(database_url)
    if not re.fullmatch(r"[a-z0-9_]+", name) or must_contain not in name:
        sys.exit(f"Refusing to drop {name!r}: the database name must contain {must_contain!r}.")
    connection = admin_connection(database_url)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def terminate_database_backends(database_url):
    """What the app sees of a database restart: every connection to its database is closed
    by the server. Other databases of the shared cluster are not touched."""
    connection = admin_connection(database_url)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [database_name(database_url)],
        )
        terminated = cursor.fetchone()[0]
    connection.close()
    return terminated


def server_version(database_url):
    with admin_connection(database_url) as connection, connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


# --- environments and manage.py ------------------------------------------------------------


def base_env(settings, database_url, work):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
    env.pop("PORTAL_PAGE_CACHE", None)  # each run says whether it wants the page cache
    env.update(
        DJANGO_SETTINGS_MODULE=f"site_core.settings.{settings}",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(work / "media"),
        STATIC_ROOT=str(work / "static"),
        PYTHONUNBUFFERED="1",
    )
    return env


def production_env(database_url, work, port, redis_port, workers, redis_db=5):
    env = base_env("production", database_url, work)
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        REDIS_URL=f"redis://{HOST}:{redis_port}/{redis_db}",
        ALLOWED_HOSTS=f"{HOST},localhost",
        SECURE_SSL_REDIRECT="False",  # plain HTTP on loopback; nginx does TLS in production
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        GUNICORN_BIND=f"{HOST}:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_ACCESS_LOG="",
        GUNICORN_LOG_LEVEL="warning",
    )
    return env


def manage(env, *args, capture=False):
    """Run this project's manage.py; with capture, return its standard output."""
    done = subprocess.run(  # noqa: S603 - this project's manage.py, fixed arguments
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=capture,
    )
    return done.stdout if capture else None


# --- processes -----------------------------------------------------------------------------


def require_programs():
    """Stop with a clear message when a program of the stack is missing."""
    missing = []
    if not shutil.which("redis-server"):
        missing.append("redis-server (apt-get install redis-server)")
    if not (Path(PYTHON).parent / "gunicorn").exists():
        missing.append("gunicorn in the virtualenv (pip install -r requirements.txt)")
    if missing:
        sys.exit("Missing: " + "; ".join(missing) + ".")


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def wait_for_port(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not port_is_free(port):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {HOST}:{port} after {seconds} s")


class RedisServer:
    """A redis-server of the tool's own, so the shared one on 6379 is never stopped."""

    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed program and arguments
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, 10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


def start_gunicorn(env, port, log_path, app="site_core.wsgi"):
    """gunicorn with deploy/gunicorn.conf.py (bind, workers from env), output to log_path."""
    log = open(log_path, "w")  # noqa: SIM115 - closed in stop_process
    process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, fixed arguments
        [str(Path(PYTHON).parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py", app],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    try:
        wait_for_port(port, 60)
    except RuntimeError:
        stop_process(process)
        raise
    return process


def stop_process(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process and getattr(process, "log", None):
        process.log.close()


def exit_on_sigterm():
    """Turn SIGTERM into SystemExit so that `finally` blocks stop what was started."""

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)
