"""End to end in headless Chromium: the real server on a free port, clicked through.

Every host but 127.0.0.1 is unresolvable for the browser, so a chart that draws proves
the page needs nothing from the network.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

pytestmark = [pytest.mark.issue(6), pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SEED = "000_e6c10bac250a8048"
WAIT = 30  # seconds for a page or a chart


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    import uvicorn

    from luoshi.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=WAIT)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium and chromium-driver are not installed (apt-get install -y "
                    "chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 "--window-size=1400,1000", f"--user-data-dir={profile}",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait_for(driver: WebDriver, css: str) -> WebElement:
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _severe_console_errors(driver: WebDriver) -> list[str]:
    logs = driver.get_log("browser")
    return [entry["message"] for entry in logs if entry["level"] == "SEVERE"
            and "favicon.ico" not in entry["message"]]


def test_overview_to_directive_to_document(server: str, browser: WebDriver,
                                           needs_seeds: None) -> None:
    driver = browser
    driver.get(server + "/")
    assert "Overview" in driver.title
    counts = driver.find_elements(By.CSS_SELECTOR, ".count")
    assert len(counts) == 7
    driver.find_element(By.CSS_SELECTOR,
                        '#top-directives a[href="/directive/cpc-20"]').click()

    _wait_for(driver, "#chart-timeline.drawn .main-svg")  # plotly drew the cascade
    assert driver.current_url.endswith("/directive/cpc-20")
    heading = driver.find_element(By.CSS_SELECTOR, "h1.directive-title").text
    assert heading.startswith("cpc-20")
    for chart in ("lags", "fidelity"):
        _wait_for(driver, f"#chart-{chart}.drawn .main-svg")
    bars = driver.find_elements(By.CSS_SELECTOR, "#chart-timeline .bars path")
    assert bars, "the timeline has bars"
    rows = driver.find_elements(By.CSS_SELECTOR, "#responders tbody tr")
    assert len(rows) > 5

    # sort by lag, longest first, by clicking the column header
    driver.find_element(By.LINK_TEXT, "lag (days) ▲").click()
    _wait_for(driver, "#chart-timeline.drawn")
    assert "order=desc" in driver.current_url
    lags = [cell.text for cell in driver.find_elements(
        By.CSS_SELECTOR, "#responders tbody tr td:nth-child(6)")]
    numbers = [int(x.replace(",", "")) for x in lags if x != "–"]
    assert numbers == sorted(numbers, reverse=True)

    driver.find_element(By.CSS_SELECTOR,
                        f'#responders a[href="/doc/{SEED}"]').click()
    _wait_for(driver, "#report-text")
    assert driver.current_url.endswith(f"/doc/{SEED}")
    people = [m.text for m in driver.find_elements(
        By.CSS_SELECTOR, "#report-text mark.hl-person")]
    assert "Wang Hao" in people
    for kind in ("date", "directive", "formulation", "title"):
        assert driver.find_elements(By.CSS_SELECTOR, f"#report-text mark.hl-{kind}")
    mark = driver.find_element(By.CSS_SELECTOR, "#report-text mark.hl-person")
    assert "Wang Hao" in mark.get_attribute("title")
    colour = mark.value_of_css_property("background-color")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the style sheet was served
    record = driver.find_element(By.ID, "record").text
    assert "Zhejiang" in record and "cpc-20" in record

    driver.find_element(By.CSS_SELECTOR, '#record a[href="/person/wang-hao-zhejiang"]').click()
    _wait_for(driver, "#chart-posts.drawn .main-svg")
    assert driver.find_element(By.CSS_SELECTOR, "h1.person-name").text.startswith("Wang Hao")
    assert _severe_console_errors(driver) == []


def test_markup_in_a_report_does_not_run(server: str, browser: WebDriver) -> None:
    from tests.web.conftest import EVIL_ID

    driver = browser
    driver.get(f"{server}/doc/{EVIL_ID}")
    text = _wait_for(driver, "#report-text")
    assert "<script>alert('x')</script>" in text.text
    assert "pwned" not in driver.title.split("·")[-1]
    assert driver.execute_script("return document.title").startswith("<script>")
    assert not driver.find_elements(By.CSS_SELECTOR, "#report-text img, #report-text b")


def test_search_box_and_404(server: str, browser: WebDriver) -> None:
    from selenium.webdriver.common.keys import Keys

    driver = browser
    driver.get(server + "/")
    box = driver.find_element(By.NAME, "q")
    box.send_keys("Zhejiang", Keys.ENTER)
    _wait_for(driver, "#hits li a")
    assert "/search?q=Zhejiang" in driver.current_url
    driver.get(server + "/directive/cpc-99")
    assert "404" in driver.find_element(By.TAG_NAME, "h1").text


def test_report_file_draws_its_charts_offline(web_db: Path, browser: WebDriver,
                                              tmp_path: Path) -> None:
    """The mailed file opened from disk, with no server and no network, draws its charts."""
    from luoshi.web.report import write_report

    path = write_report(web_db, "cpc-20", tmp_path / "cpc-20.html")
    _severe_console_errors(browser)  # forget what earlier pages logged
    browser.get(path.as_uri())
    for chart in ("timeline", "lags", "fidelity"):
        _wait_for(browser, f"#chart-{chart}.drawn .main-svg")
    assert browser.find_element(By.CSS_SELECTOR, "h1.directive-title").text.startswith("cpc-20")
    assert browser.find_elements(By.CSS_SELECTOR, "#responders tbody tr")
    assert not browser.find_elements(By.CSS_SELECTOR, "#responders a")  # no server to link to
    assert _severe_console_errors(browser) == []
