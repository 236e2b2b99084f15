"""report.html: self-contained, escaped, re-rendered from a run directory, and used in a
real headless browser (Debian's Chromium through selenium and the system chromedriver):
conflict links land on the highlighted evidence, every filter keeps only matching rows,
paging copes with 10,000 conflicts, reading works with JavaScript off, and a hostile
article runs nothing and adds no element."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from analysis import analyse
from analysis.cli import main
from analysis.report import html as html_report
from analysis.report import load_run, write_run
from benchmarks.synthetic import write_batch
from tests.conftest import SEEDS

SEP = " ‖ "
TARGET_BACKGROUND = "rgb(255, 183, 77)"  # mark:target in report.css
HOSTILE_TITLE = "<script>alert(3)</script>\"><img src=x onerror=alert(2)>"
HOSTILE_TEXT = """Kratom guide <script>alert('title')</script>

Kratom is not addictive <script>window.__pwned = 1; alert(1)</script> at all.
Kratom is highly addictive <img src=x onerror="window.__pwned = 2; alert(2)"> for many.
Most people take 2-4 grams of kratom <svg onload=alert(4)></svg> daily.
Some users take upwards of 50 grams <iframe src="javascript:alert(5)"></iframe> daily.
</textarea></mark></details></table><b onmouseover=alert(6)>bold</b> &lt;escaped&gt; &amp;
"""


# ------------------------------------------------------------------------ the runs


def _report(run, out: Path) -> Path:
    run.write_report(out, formats=["csv", "html"])
    return out / "report.html"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    run = analyse(SEEDS)
    return run, _report(run, tmp_path_factory.mktemp("html_seeds"))


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html_batch")
    write_batch(200, folder / "in")
    run = analyse(folder / "in", jobs=2)
    return run, _report(run, folder / "out")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html_hostile")
    src = folder / "in"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, src / seed.name)
    (src / "evil <b>.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (src / "more.jsonl").write_text(json.dumps(
        {"id": "x\"><script>alert(7)</script>", "title": HOSTILE_TITLE,
         "text": "Kratom is illegal in Alabama <script>alert(8)</script>.\n"
                 "Kratom is legal in Alabama.\n"}) + "\n", encoding="utf-8")
    run = analyse(src)
    return run, _report(run, folder / "out")


@pytest.fixture(scope="module")
def huge(batch, tmp_path_factory):
    """10,000 conflicts over the 200-article batch: its conflicts repeated, re-rendered
    from the run directory the way `crosscheck report` does."""
    _, page = batch
    out = tmp_path_factory.mktemp("html_huge")
    for f in page.parent.iterdir():
        if f.is_file():
            shutil.copy(f, out / f.name)
    conflicts = pd.read_csv(out / "conflicts.csv")
    big = pd.concat([conflicts] * (10_000 // len(conflicts) + 1), ignore_index=True)
    big = big.head(10_000).assign(severity=np.random.default_rng(0).uniform(0, 1, 10_000))
    big.sort_values("severity", ascending=False).to_csv(out / "conflicts.csv", index=False)
    # what `crosscheck report --format html` does, less the charts (not what is tested here)
    html_report.render_html(load_run(out), {}, out / "report.html")
    return out / "report.html"


# --------------------------------------------------------------------- the browser


def _find(candidates) -> str | None:
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    return None


def _start_browser(profile: Path, javascript: bool = True):
    """Chromium with its profile in ``profile`` (a pytest temporary folder), so no run
    leaves a profile behind in /tmp."""
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("no browser: selenium is not installed (pip install -e '.[test]')")
    binary = _find([os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                    shutil.which("chromium"), shutil.which("chromium-browser")])
    driver = _find([os.environ.get("CHROMEDRIVER"), "/usr/bin/chromedriver",
                    shutil.which("chromedriver")])
    if not binary or not driver:
        pytest.skip("no browser: Chromium and its driver were not found (Debian: apt-get "
                    "install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}",
                 "--window-size=1280,900"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    try:
        # The system chromedriver, given explicitly: selenium then downloads nothing.
        return webdriver.Chrome(service=Service(driver), options=options)
    except WebDriverException as exc:
        pytest.skip(f"no browser: headless Chromium did not start ({exc.msg})")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = _start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def _open(driver, page: Path) -> None:
    driver.get(page.resolve().as_uri())


def _click(driver, element) -> None:
    """A real click, after bringing the element to the middle of the window (clear of the
    sticky header)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _shown_rows(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#conflict-table > tbody > tr'))"
        ".filter(r => !r.hidden && r.offsetParent !== null).map(r => r.id);")


def _rows(ids) -> set[str]:
    return {f"c-{i + 1}" for i in ids}


# ------------------------------------------------------------- the file, no browser


def test_html_is_a_default_format_of_analyse_and_report():
    for command in ("analyse", "report"):
        option = next(p for p in main.commands[command].params if p.name == "formats")
        assert "html" in option.default.split(","), command


def test_report_html_is_self_contained(seeds):
    page = seeds[1].read_text(encoding="utf-8")
    assert (seeds[1].parent / "article_texts.jsonl.gz").is_file()
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in html.unescape(page)
    links = re.findall(r'\b(?:src|href|action|data)="([^"]*)"', page)
    assert links and all(v.startswith(("#", "data:image/png;base64,")) for v in links)
    assert not re.search(r"<(?:link|iframe|object|embed)\b", page)
    assert page.count("<script>") == 2 and "<script src" not in page


def test_hostile_text_is_escaped_in_the_file(hostile):
    page = hostile[1].read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img src=x", "<svg onload", "<iframe", "<b onmouseover"):
        assert raw not in page, raw
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in page
    assert "&lt;/textarea&gt;&lt;/mark&gt;&lt;/details&gt;" in page


def test_report_command_rerenders_the_html_from_the_run_directory(seeds, tmp_path):
    _, page = seeds
    for f in page.parent.iterdir():
        if f.suffix in (".csv", ".gz"):
            shutil.copy(f, tmp_path / f.name)
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--format", "html"])
    assert result.exit_code == 0, result.output
    again = (tmp_path / "report.html").read_text(encoding="utf-8")
    first = page.read_text(encoding="utf-8")
    marks = re.compile(r'<mark id="([^"]+)"')
    assert marks.findall(again) == marks.findall(first) and marks.findall(first)
    assert again.count('<tr id="c-') == first.count('<tr id="c-')
    assert (tmp_path / "article_texts.jsonl.gz").is_file()  # kept, a source of the re-render


def test_without_saved_texts_the_quotes_still_show(seeds, tmp_path):
    run, page = seeds
    for f in page.parent.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    write_run(load_run(tmp_path), tmp_path, formats=["html"])
    again = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "has no article_texts.jsonl.gz" in again and ">in context</a>" not in again
    first_quote = run.conflicts["evidence"].iloc[0].split(SEP)[0]
    assert f"<mark>{first_quote[:40]}" in again.replace("&#39;", "'")


def test_subject_sections_only_when_the_batch_has_several(seeds, batch):
    one = seeds[1].read_text(encoding="utf-8")
    assert 'id="subjects"' not in one
    run = batch[0]
    subjects = set(run.assertions.get("subject", pd.Series(dtype=str)).dropna()) - {""}
    page = batch[1].read_text(encoding="utf-8")
    assert ('id="subjects"' in page) == (len(subjects) >= 2)


def test_a_run_without_subject_columns_renders(seeds, tmp_path):
    run, _ = seeds
    run = analyse(SEEDS)
    run.assertions = run.assertions.drop(columns=["subject"], errors="ignore")
    run.conflicts = run.conflicts.drop(columns=["subject"], errors="ignore")
    run.write_report(tmp_path, formats=["html"])
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count('<tr id="c-') == len(run.conflicts) and 'data-filter="subject"' not in page


def test_page_stays_under_20_mb_at_10000_conflicts(huge):
    size = huge.stat().st_size
    assert size < 20_000_000, size
    assert huge.read_text(encoding="utf-8").count('<tr id="c-') == 10_000


def test_an_oversized_page_is_rendered_leaner_and_says_so(seeds, tmp_path, monkeypatch):
    run, _ = seeds
    monkeypatch.setattr(html_report, "MAX_BYTES", 1)
    run.write_report(tmp_path, formats=["html"])
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "quotes are shown without their paragraphs" in page
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)
    assert quotes and all(q.startswith("<mark>") and q.endswith("</mark>") for q in quotes)


# ------------------------------------------------------------------- in the browser


@pytest.mark.parametrize("which", ["seeds", "batch"])
def test_conflict_link_lands_on_the_highlighted_evidence(which, request, browser):
    from selenium.webdriver.common.by import By

    run, page = request.getfixturevalue(which)
    conflicts = run.conflicts.reset_index(drop=True)
    # the strongest row, a within-article one and a cross-source one with most sides
    picks = {0}
    for kind in ("within-source", "cross-source"):
        rows = conflicts.index[conflicts["kind"] == kind][:50]
        if len(rows):
            picks.add(int(max(rows, key=lambda i: conflicts.at[i, "evidence"].count(SEP))))
    checked = 0
    _open(browser, page)
    for i in sorted(picks):
        quotes = conflicts.at[i, "evidence"].split(SEP)
        row = browser.find_element(By.ID, f"c-{i + 1}")
        _click(browser, row.find_element(By.CSS_SELECTOR, "td.what > details > summary"))
        for k, quote in enumerate(quotes):
            link = row.find_elements(By.CSS_SELECTOR, "td.what figure a")[k]
            fragment = link.get_attribute("href").split("#", 1)[1]
            _click(browser, link)
            assert browser.execute_script("return location.hash") == f"#{fragment}"
            found = browser.execute_script("""
                const el = document.getElementById(arguments[0]);
                const box = el.getBoundingClientRect();
                return {text: el.textContent, tag: el.tagName,
                        background: getComputedStyle(el).backgroundColor,
                        label: el.title, top: box.top, height: window.innerHeight};""",
                                           fragment)
            assert found["tag"] == "MARK" and found["text"] == quote
            assert found["background"] == TARGET_BACKGROUND
            assert 0 <= found["top"] < found["height"]  # scrolled to, below the header
            assert found["label"]  # topic and value (or the conflict) on hover
            checked += 1
            browser.back()  # same document: the row stays open
    assert checked >= 2


def _select(browser, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.CSS_SELECTOR, f"[data-filter={name}]")).select_by_value(value)


@pytest.mark.parametrize("which", ["seeds", "batch"])
def test_each_filter_keeps_only_the_rows_that_match(which, request, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    run, page = request.getfixturevalue(which)
    c = run.conflicts.reset_index(drop=True)
    _open(browser, page)
    Select(browser.find_element(By.CSS_SELECTOR, "[data-page-size]")).select_by_value("0")
    assert set(_shown_rows(browser)) == _rows(c.index)
    topic = c["topic"].value_counts().index[0]
    articles = c["articles"].str.split(";")
    article = articles.explode().value_counts().index[-1]
    severity = c["severity"].map(lambda s: float(f"{s:.3f}"))
    cases = [("topic", topic, c.index[c["topic"] == topic]),
             ("kind", "within-source", c.index[c["kind"] == "within-source"]),
             ("severity", "0.75", c.index[severity >= 0.75]),
             ("article", article, c.index[articles.map(lambda a: article in a)])]
    subjects = c["subject"].fillna("").str.lower() if "subject" in c else pd.Series(dtype=str)
    if subjects[subjects != ""].nunique() > 1:
        subject = subjects[subjects != ""].value_counts().index[0]
        cases.append(("subject", subject, c.index[subjects == subject]))
    elif which == "batch":
        pytest.fail("the 200-article batch should have several subjects")
    for name, value, expected in cases:
        if name == "article":
            field = browser.find_element(By.CSS_SELECTOR, "[data-filter=article]")
            field.clear()
            field.send_keys(value)
        else:
            _select(browser, name, value)
        shown = set(_shown_rows(browser))
        assert shown == _rows(expected), (name, value)
        assert 0 < len(shown) < len(c), (name, value)
        _click(browser, browser.find_element(By.CSS_SELECTOR, "[data-reset]"))
        assert len(_shown_rows(browser)) == len(c)


def test_sorting_by_severity_and_topic(seeds, browser):
    from selenium.webdriver.common.by import By

    run, page = seeds
    _open(browser, page)
    header = browser.find_element(By.CSS_SELECTOR, "th[data-sort=severity] button")
    read = ("return Array.from(document.querySelectorAll('#conflict-table > tbody > tr'))"
            ".filter(r => !r.hidden).map(r => [r.dataset.severity, r.dataset.topic]);")
    _click(browser, header)
    values = [float(s) for s, _ in browser.execute_script(read)]
    assert values == sorted(values, reverse=True) and len(values) == len(run.conflicts)
    _click(browser, header)
    values = [float(s) for s, _ in browser.execute_script(read)]
    assert values == sorted(values)
    _click(browser, browser.find_element(By.CSS_SELECTOR, "th[data-sort=topic] button"))
    topics = [t for _, t in browser.execute_script(read)]
    assert topics == sorted(topics, key=str.lower)


def test_10000_conflicts_are_paged_and_filtered(huge, browser):
    from selenium.webdriver.common.by import By

    conflicts = pd.read_csv(huge.parent / "conflicts.csv")
    _open(browser, huge)
    status = browser.find_element(By.ID, "conflict-status")
    assert status.text == "1–50 of 10000 conflicts"
    assert _shown_rows(browser) == [f"c-{i}" for i in range(1, 51)]
    _click(browser, browser.find_element(By.CSS_SELECTOR, "[data-page=next]"))
    assert _shown_rows(browser) == [f"c-{i}" for i in range(51, 101)]
    _select(browser, "kind", "cross-source")
    expected = int((conflicts["kind"] == "cross-source").sum())
    assert status.get_attribute("data-matched") == str(expected)
    assert len(_shown_rows(browser)) == min(50, expected)


def test_reading_works_with_javascript_off(seeds, tmp_path):
    from selenium.webdriver.common.by import By

    run, page = seeds
    driver = _start_browser(tmp_path / "chromium", javascript=False)
    try:
        _open(driver, page)
        assert not driver.find_element(By.ID, "conflict-controls").is_displayed()
        assert len(_shown_rows(driver)) == len(run.conflicts)  # every row, no paging
        row = driver.find_element(By.ID, "c-1")
        _click(driver, row.find_element(By.CSS_SELECTOR, "td.what > details > summary"))
        quote = row.find_element(By.CSS_SELECTOR, "td.what figure blockquote mark")
        assert quote.is_displayed()
        assert quote.get_attribute("textContent") == run.conflicts["evidence"].iloc[0].split(
            SEP)[0]
        link = row.find_element(By.CSS_SELECTOR, "td.what figure a")
        fragment = link.get_attribute("href").split("#", 1)[1]
        _click(driver, link)
        top = driver.execute_script(
            "return document.getElementById(arguments[0]).getBoundingClientRect().top",
            fragment)
        assert 0 <= top < 900
    finally:
        driver.quit()


def test_hostile_article_opens_no_dialog_and_adds_no_element(hostile, browser):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    run, page = hostile
    _open(browser, page)
    for details in browser.find_elements(By.CSS_SELECTOR, "td.what > details > summary"):
        _click(browser, details)  # render every quote, hostile ones included
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 (reading it is the check)
    found = browser.execute_script("""
        const all = Array.from(document.querySelectorAll('*'));
        const bodies = Array.from(
            document.querySelectorAll('article.text .body, td.what blockquote'));
        return {
          pwned: window.__pwned === undefined ? null : window.__pwned,
          scripts: document.scripts.length,
          images: Array.from(document.images).map(i => i.getAttribute('src').slice(0, 22)),
          foreign: document.querySelectorAll('svg, iframe, object, embed, textarea').length,
          handlers: all.filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on')))
                       .map(e => e.tagName),
          stray: bodies.flatMap(b => Array.from(b.querySelectorAll('*')))
                       .filter(e => !(e.tagName === 'MARK' || (e.tagName === 'SPAN'
                                && e.className === 'gap'))).map(e => e.tagName),
          text: document.body.textContent,
          headings: Array.from(document.querySelectorAll('article.text h3'), h => h.textContent),
        };""")
    assert found["pwned"] is None and found["scripts"] == 2  # the page's own two
    assert found["images"] and set(found["images"]) == {"data:image/png;base64,"}
    assert found["foreign"] == 0 and found["handlers"] == [] and found["stray"] == []
    assert "<script>window.__pwned = 1; alert(1)</script>" in found["text"]
    assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in found["text"]
    assert HOSTILE_TITLE in found["headings"]
    evil = run.articles[run.articles["text"].str.contains("__pwned")]
    assert len(evil) == 1
    hostile_conflicts = run.conflicts[run.conflicts["articles"].str.contains(
        evil["article"].iloc[0], regex=False)]
    assert len(hostile_conflicts)  # its quotes are on the page too, as text


def test_a_link_to_a_conflict_on_a_later_page_shows_it_open(batch, browser):
    run, page = batch
    n = min(len(run.conflicts), 120)
    assert n > 50, "the batch should have more than one page of conflicts"
    browser.get(f"{page.resolve().as_uri()}#c-{n}")
    assert f"c-{n}" in _shown_rows(browser), browser.execute_script(
        "return [location.href, document.getElementById('conflict-status').textContent]")
    found = browser.execute_script("""
        const row = document.getElementById(arguments[0]);
        return [row.querySelector('td.what > details').open,
                row.getBoundingClientRect().top, window.innerHeight];""", f"c-{n}")
    assert found[0] and 0 <= found[1] < found[2], found
