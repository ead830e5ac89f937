"""The pure parts of `make bench` and `make loadtest` (tools/bench.py, tools/bench_wsgi.py,
tools/loadgen.py, tools/loadtest.py): figures, checks of the page-cache header, the report,
URL discovery on the test database and the command lines. Nothing here starts gunicorn,
Redis or a load; no timing is asserted."""

import contextlib
import io
import math
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from site_core import wsgi
from tests import factories
from tools import bench, bench_wsgi, loadgen, loadtest, stack

# --- figures -------------------------------------------------------------------------------


def rows(ms_values, kind="ok", status=200, header="HIT", label="home"):
    return [(0.0, label, kind, ms / 1000, status, header) for ms in ms_values]


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert loadgen.percentile(values, 0.5) == 51  # round(0.5 * 99) = 50 -> the 51st value
    assert loadgen.percentile(values, 0.99) == 99
    assert loadgen.percentile(values, 0.0) == 1
    assert loadgen.percentile(values, 1.0) == 100
    assert loadgen.percentile([7], 0.99) == 7
    assert math.isnan(loadgen.percentile([], 0.5))


def test_summary_counts_only_good_answers_in_throughput_and_latency():
    results = rows([10, 20, 30, 40]) + rows([5000], kind="5xx", status=500, header="BYPASS")
    figures = bench.summarise(results, elapsed=2.0)
    assert figures["requests"] == 5
    assert figures["ok"] == 4
    assert figures["errors"] == 1
    assert figures["statuses"] == ["500"]
    assert figures["rps"] == 2.0
    assert figures["p50"] == pytest.approx(30.0)  # of 10, 20, 30, 40: index round(1.5) = 2
    assert figures["p99"] == pytest.approx(40.0)
    assert (figures["hit"], figures["bypass"], figures["miss"]) == (4, 1, 0)


def test_summary_of_nothing_is_empty_not_an_error():
    figures = bench.summarise([], elapsed=0)
    assert figures["rps"] == 0
    assert math.isnan(figures["p50"])


def page(key="home", page_cached=True, static=False, group="home"):
    return bench.Target(key, key, "/", group, page_cached, static)


def test_uncached_pass_must_bypass_the_page_cache_everywhere():
    target = page()
    assert (
        bench.cache_problem(target, bench.summarise(rows([1, 2], header="BYPASS"), 1), False)
        is None
    )
    assert "HIT" in bench.cache_problem(target, bench.summarise(rows([1, 2]), 1), False)
    # No header at all: the page did not go through the page cache middleware.
    missing = bench.summarise(rows([1], header=None), 1)
    assert "BYPASS" in bench.cache_problem(target, missing, False)


def test_cached_pass_must_hit_for_cached_pages_and_never_for_the_others():
    target = page()
    assert bench.cache_problem(target, bench.summarise(rows([1] * 200), 1), True) is None
    # An expired entry now and then (1 %) is tolerated, more misses are not.
    two_misses = rows([1] * 198) + rows([1, 1], header="MISS")
    assert bench.cache_problem(target, bench.summarise(two_misses, 1), True) is None
    three_misses = rows([1] * 197) + rows([1, 1, 1], header="MISS")
    assert "197 of 200" in bench.cache_problem(target, bench.summarise(three_misses, 1), True)
    search = page("search", page_cached=False, group="search")
    assert bench.cache_problem(search, bench.summarise(rows([1], header="BYPASS"), 1), True) is None
    assert "never keeps" in bench.cache_problem(search, bench.summarise(rows([1]), 1), True)
    static = page("static", page_cached=False, static=True, group="")
    assert bench.cache_problem(static, bench.summarise(rows([1], header=None), 1), True) is None


def test_sizes_databases_and_deep_pages():
    assert bench.parse_sizes("100_000, 1000") == [1000, 100000]
    with pytest.raises(ValueError):
        bench.parse_sizes("0")
    url = "postgres://postgres@127.0.0.1:5432/portal_bench_dev"
    assert bench.sized_database_url(url, 1000).endswith("/portal_bench_dev_1000")
    assert bench.documents_for(100000) == 10000
    assert bench.deep_page(100000, 12) == 500
    assert bench.deep_page(1000, 12) == 84  # the last page when there are fewer than 500
    assert bench.deep_page(0, 12) == 1


def test_configuration_from_the_environment_and_the_command_line():
    config = bench.env_config({"BENCH_SIZES": "3000", "BENCH_DURATION": "5", "BENCH_REUSE_DB": "1"})
    assert (config.sizes, config.duration, config.clients, config.workers) == ([3000], 5.0, 8, 2)
    assert config.reuse_db
    config = bench.parse_args(["--sizes", "1000,2000", "--clients", "4", "--no-write"], {})
    assert (config.sizes, config.clients, config.write) == ([1000, 2000], 4, False)


# --- the report ----------------------------------------------------------------------------


def figures(rps, p50=10.0, p95=20.0, p99=30.0, hit=0, requests=100):
    return {"rps": rps, "p50": p50, "p95": p95, "p99": p99, "hit": hit, "requests": requests}


TARGETS = [
    bench.Target("static", "Tệp tĩnh", bench.STATIC_PATH, page_cached=False, static=True),
    bench.Target("home", "Trang chủ", "/", "home"),
    bench.Target("article", "Bài tin", "/tin/a/", "article"),
    bench.Target("search_common", "Tìm «tỉnh»", "/tim-kiem/?q=t", "search", False),
    bench.Target("sitemap", "sitemap.xml", "/sitemap.xml", page_cached=False),
]


def outcome(size, home_rps, stale_first=True):
    uncached = {
        "static": figures(1000),
        "home": figures(home_rps),  # home's target is 2 % of the static file
        "article": figures(50),  # 5 % >= 4 %
        "search_common": figures(45, p50=80.0),
        "sitemap": figures(300),
    }
    uncached["search_common"]["single"] = figures(45, p50=30.0, p95=100.0)
    cached = {
        "static": figures(1000),
        "home": figures(600, hit=100),
        "article": figures(400, hit=100),  # 40 % < 50 %
        "search_common": figures(45),
        "sitemap": figures(300),
    }
    seconds = 0.0 if stale_first else 1.5
    stale = {
        "article": {"id": 7, "url": "/tin/a/", "title": "Tin"},
        "publish": {
            "/": {"first_answer": (stale_first, "HIT"), "seconds": seconds, "cached_before": "HIT"}
        },
        "restore": {
            "/": {"first_answer": (stale_first, "HIT"), "seconds": seconds, "cached_before": "HIT"}
        },
    }
    return {
        "size": size,
        "built_seconds": 12.0,
        "pages": {"articles": size, "documents": size // 10},
        "targets": TARGETS,
        "passes": {"uncached": uncached, "cached": cached},
        "staleness": stale,
    }


def verdicts(text):
    """Target name -> (measured, verdict) from the rendered targets table."""
    table = text.split("### Chỉ tiêu")[1]
    found = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in {"chỉ tiêu", "---"}:
            found[cells[0]] = (cells[1], cells[2])
    return found


def test_report_marks_each_target_met_or_not():
    config = bench.env_config({"BENCH_SIZES": "1000,100000", "BENCH_DURATION": "20"})
    now = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    text = bench.render(
        config, [outcome(1000, 30), outcome(100000, 15)], "15.2", now, load=(1.25, 2.0)
    )
    assert text.startswith(bench.MARK_START) and text.endswith(bench.MARK_END)
    assert "Lượt chạy phát triển" not in text
    assert "PostgreSQL 15.2" in text and "02/12/2026" in text
    assert "lúc bắt đầu / kết thúc 1.2 / 2.0" in text
    found = verdicts(text)
    assert found["Không đệm: trang chủ ≥ 2 % tệp tĩnh: Trang chủ"] == ("1.5 %", "**chưa đạt**")
    key = "Không đệm: bài tin, danh sách, sổ văn bản, tìm kiếm ≥ 4 % tệp tĩnh: Bài tin"
    assert found[key] == ("5.0 %", "đạt")
    assert found["Có đệm ≥ 50 % tệp tĩnh: Trang chủ"] == ("60.0 %", "đạt")
    assert found["Có đệm ≥ 50 % tệp tĩnh: Bài tin"] == ("40.0 %", "**chưa đạt**")
    assert found["0 giây cũ sau khi xuất bản (trang chủ và bài tin)"] == ("0.0 s", "đạt")
    search = "Tìm kiếm p50 < 50 ms, p95 < 150 ms (1 máy khách): Tìm «tỉnh»"
    assert found[search] == ("30.0 / 100.0 ms", "đạt")
    assert "Tìm «tỉnh» p50 30.0 ms, p95 100.0 ms" in text
    assert "đổi tiêu đề, `/` (trước đó HIT): yêu cầu đầu tiên sau khi xuất bản đã thấy" in text
    # Growth: same p50 at both sizes.
    assert found["p50 không đệm 100000 / 1000 tin ≤ 1,5×: Trang chủ"] == ("1.00×", "đạt")
    # The ratio table and one table per size.
    assert "### Tỉ lệ 100000 / 1000 tin" in text
    assert "| Trang chủ | 0.50× |" in text
    assert text.count("| Tệp tĩnh | `/__bench_static__/portal.css` |") == 2
    # Search and the sitemap are not kept by the page cache: no HIT column for them.
    assert "| sitemap.xml | `/sitemap.xml` | 300.0 |" in text


def test_report_of_a_stale_publish_and_of_a_development_run():
    config = bench.env_config({"BENCH_SIZES": "1000", "BENCH_DURATION": "5"})
    text = bench.render(config, [outcome(1000, 30, stale_first=False)], "15.2")
    assert "Lượt chạy phát triển" in text
    assert "Tỉ lệ" not in text
    found = verdicts(text)
    assert found["0 giây cũ sau khi xuất bản (trang chủ và bài tin)"] == ("1.5 s", "**chưa đạt**")
    assert "đổi tiêu đề, `/` (trước đó HIT): thấy thay đổi sau 1.5 s" in text
    assert found["Không đệm: trang chủ ≥ 2 % tệp tĩnh: Trang chủ"] == ("3.0 %", "đạt")


def test_staleness_is_none_when_a_page_never_shows_the_change():
    stale = outcome(1000, 30)["staleness"]
    stale["publish"]["/"]["seconds"] = None
    assert bench.staleness_seconds(stale) is None


def test_a_change_shows_when_the_new_text_is_there_and_the_old_one_gone():
    changed = "<h1>Bản sửa đo tải 014907 Hội nghị &quot;Ban&quot; Tỉnh ủy</h1>"
    assert bench.shows_change(changed, "Bản sửa đo tải 014907")
    assert bench.shows_change(changed, 'Hội nghị "Ban" Tỉnh ủy')
    # Restoring the old title: the old title is part of the changed one, the marker is not.
    restored = "<h1>Hội nghị &quot;Ban&quot; Tỉnh ủy</h1>"
    assert not bench.shows_change(changed, 'Hội nghị "Ban"', "Bản sửa đo tải 014907")
    assert bench.shows_change(restored, 'Hội nghị "Ban"', "Bản sửa đo tải 014907")


def test_writing_the_report_keeps_the_query_count_table(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Benchmarks\n\n<!-- bench:start -->\nqueries\n<!-- bench:end -->\n\nText.\n")
    bench.write_report(f"{bench.MARK_START}\nfirst\n{bench.MARK_END}", path)
    bench.write_report(f"{bench.MARK_START}\nsecond\n{bench.MARK_END}", path)
    text = path.read_text()
    assert "<!-- bench:start -->\nqueries\n<!-- bench:end -->" in text
    assert "second" in text and "first" not in text
    assert text.count(bench.MARK_START) == 1


def test_register_filter_value_is_read_from_the_form():
    html = (
        '<select name="year"><option value="">Năm</option><option value="2024">2024</option>'
        '</select><select id="t" name="type"><option value="">Loại</option>'
        '<option value="nghi-quyet">Nghị quyết</option></select>'
    )
    assert loadgen.first_option(html, "type") == "nghi-quyet"
    assert loadgen.first_option(html, "status") is None


# --- discovery on the test database --------------------------------------------------------


@pytest.mark.django_db
def test_discovery_finds_every_page_type(news_index, event_index, document_index):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    factories.NewsCategoryFactory(name="Chuyên mục trống", slug="trong")
    for number in range(3):
        article = factories.NewsArticlePageFactory(parent=news_index, title=f"Tin số {number}")
        article.categories.set([category])
        article.save()
    factories.EventPageFactory(parent=event_index)
    factories.LegalDocumentPageFactory(parent=document_index)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(bench.DISCOVER, {})  # noqa: S102 - the tool's own script, run as manage.py shell would
    pages = bench.json.loads(output.getvalue().strip().splitlines()[-1])
    assert pages["articles"] == 3
    assert pages["category"] == "xay-dung-dang"
    assert [item["title"] for item in pages["newest"]][0] == "Tin số 2"
    targets = {target.key: target for target in bench.build_targets(pages, ("type", "nq"))}
    assert targets["news"].path == news_index.url
    assert targets["news_deep"].path == news_index.url + "?page=1"
    assert targets["category"].path == news_index.url + "chuyen-muc/xay-dung-dang/"
    assert targets["register_filter"].path == document_index.url + "?type=nq"
    assert targets["event"].path.startswith(event_index.url)
    assert targets["search_rare"].path == "/tim-kiem/?q=vo%E1%BB%8Dc"
    assert not targets["search_common"].page_cached and not targets["sitemap"].page_cached
    assert targets["static"].static


def test_discovery_without_a_page_type_fails_loudly():
    pages = {"home": "/", "news": "/tin/", "newest": [{"url": "/tin/a/"}], "articles": 1}
    with pytest.raises(RuntimeError, match="category, register, document, events, event"):
        bench.build_targets(pages, ("type", "nq"))


# --- the static file baseline --------------------------------------------------------------


def test_static_baseline_serves_the_file_and_passes_everything_else_on(tmp_path):
    css = tmp_path / "portal.css"
    css.write_bytes(b"body{color:#000}")
    seen = []

    def portal(environ, start_response):
        seen.append(environ["PATH_INFO"])
        start_response("404 Not Found", [("Content-Type", "text/html")])
        return [b"portal"]

    app = bench_wsgi.StaticBaseline(portal, css)
    answers = []

    def start_response(status, headers):
        answers.append((status, dict(headers)))

    body = app({"PATH_INFO": bench.STATIC_PATH}, start_response)
    assert b"".join(body) == b"body{color:#000}"
    assert answers[-1][0] == "200 OK"
    assert answers[-1][1]["Content-Length"] == "16"
    assert answers[-1][1]["Content-Type"].startswith("text/css")
    assert seen == []
    assert app({"PATH_INFO": "/tin-hoat-dong/"}, start_response) == [b"portal"]
    assert seen == ["/tin-hoat-dong/"]
    # The module serves the portal's own application and its collected stylesheet.
    assert bench_wsgi.application.app is wsgi.application
    assert bench_wsgi.application.file.parts[-2:] == ("css", "portal.css")


# --- command lines -------------------------------------------------------------------------


@pytest.mark.parametrize("script", ["tools/bench.py", "tools/loadtest.py"])
def test_help_prints_and_exits_without_starting_anything(script):
    done = subprocess.run(  # noqa: S603 - this project's own scripts
        [sys.executable, script, "--help"],
        cwd=stack.ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:")
    assert "--duration" in done.stdout and "--clients" in done.stdout
    assert "--reuse-db" in done.stdout
    assert "[bench" not in done.stdout and "[loadtest" not in done.stdout


def test_loadtest_options_mirror_its_environment():
    args = loadtest.parse_args(["--duration", "30", "--clients", "16", "--reuse-db"])
    assert (args.duration, args.clients, args.reuse_db) == (30.0, 16, True)
    assert loadtest.parse_args([]).duration == loadtest.DURATION


def test_docs_screenshots_fit_the_size_limit(tmp_path):
    """tools/docs_screenshots.py: even a noisy full-width page ends under 150 KB."""
    import os

    from PIL import Image

    from tools import docs_screenshots

    source, target = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    noise = Image.frombytes("RGB", (1280, 3000), os.urandom(1280 * 3000 * 3))
    noise.save(source / "visitor-home-1280.png")
    Image.new("RGB", (360, 900), (179, 0, 27)).save(source / "visitor-home-360.png")

    written, missing = docs_screenshots.convert(source, target)

    sizes = {path.name: size for path, size in written}
    assert set(sizes) == {"visitor-home-1280.png", "visitor-home-360.png"}
    assert all(size <= docs_screenshots.LIMIT for size in sizes.values()), sizes
    with Image.open(target / "visitor-home-360.png") as small:
        assert small.size == (360, 900)  # shorter than the crop: kept whole
    with Image.open(target / "visitor-home-1280.png") as big:
        assert big.height <= docs_screenshots.MAX_HEIGHT[1280]
    assert "visitor-news-index-360.png" in missing
