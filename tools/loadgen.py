"""A small asyncio HTTP/1.1 load generator from the standard library, for `make loadtest`
and `make bench`. It only ever connects to 127.0.0.1 and stops at its deadline or after
its request budget."""

import asyncio
import random
import re
import time
from html import unescape

HOST = "127.0.0.1"


def first_option(html, name):
    """The first non-empty option of a page's <select name=...> (the register's filters)."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    if select:
        for value in re.findall(r'<option value="([^"]+)"', select.group(1)):
            return unescape(value)
    return None


async def fetch(port, path, timeout=60, host=HOST):
    """GET http://127.0.0.1:<port><path> with a fresh connection.

    Returns (status or error kind, seconds, body, headers) with header names lower-case."""
    if host != HOST:
        raise ValueError(f"the load generator only connects to {HOST}")
    started = time.monotonic()
    writer = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n"
                "User-Agent: portal-loadtest\r\nAccept: text/html,*/*\r\n\r\n".encode("ascii")
            )
            await writer.drain()
            data = await reader.read()
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status_line = lines[0].split()
        if len(status_line) < 2 or not status_line[1].isdigit():
            return "connection", time.monotonic() - started, b"", {}
        headers = {}
        for line in lines[1:]:
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        return int(status_line[1]), time.monotonic() - started, body, headers
    except TimeoutError:
        return "timeout", time.monotonic() - started, b"", {}
    except OSError:  # refused, reset, broken pipe
        return "connection", time.monotonic() - started, b"", {}
    finally:
        if writer is not None:
            writer.close()


def kind(result):
    if isinstance(result, str):
        return result
    if result >= 500:
        return "5xx"
    if result >= 400:
        return "4xx"
    return "ok"


def percentile(values, fraction):
    """Nearest-rank percentile of `values` (NaN when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def drive(
    mix, duration, *, port, clients, timeout=60, max_requests=500_000, events=(), header=None
):
    """`clients` clients request pages of `mix` (label, path, weight) until the deadline.

    `events` are (second, coroutine function) run during the run (faults). Each result is
    (offset, label, kind, seconds, status, value of `header` or None)."""
    labels, paths, weights = zip(*mix, strict=True)
    results = []
    start = time.monotonic()
    deadline = start + duration
    budget = [max_requests]

    async def client(seed):
        rng = random.Random(seed)
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            index = rng.choices(range(len(paths)), weights=weights)[0] if len(paths) > 1 else 0
            offset = time.monotonic() - start
            status, seconds, _, headers = await fetch(port, paths[index], timeout)
            value = headers.get(header.lower()) if header else None
            results.append((offset, labels[index], kind(status), seconds, status, value))

    async def at(second, action):
        await asyncio.sleep(second)
        await action(time.monotonic() - start)

    await asyncio.gather(
        *(client(n) for n in range(clients)), *(at(second, action) for second, action in events)
    )
    return results, time.monotonic() - start
