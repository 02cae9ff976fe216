"""The web-form example (examples/web-form/server.py) in a real headless
Chromium: fill the French form, submit it, and the ticket exists; the spam
trap and the consent box keep what they must out.

One server on a free port and one browser serve the module; each test counts
the tickets before and after. SQLite only: the C++ suite covers the intake
on both engines."""
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import relais

webdriver = pytest.importorskip("selenium.webdriver", reason="python3-selenium is not installed")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SERVER = Path(__file__).resolve().parents[2] / "examples" / "web-form" / "server.py"
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM = shutil.which("chromium")
STARTUP_SECONDS = 20
PAGE_SECONDS = 10

pytestmark = pytest.mark.skipif(not (CHROMEDRIVER and CHROMIUM), reason="chromium and chromium-driver are needed")


def _first_line(process, timeout):
    """The server's first stdout line ('listening on http://...'), or None
    when it did not come in time."""
    lines = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return lines[0] if lines else None


@pytest.fixture(scope="module")
def workspace_uri(tmp_path_factory):
    uri = f"sqlite://{tmp_path_factory.mktemp('web-form') / 'relais.db'}"
    relais.open(uri)  # created and migrated before the server opens it too
    return uri


@pytest.fixture(scope="module")
def server_url(workspace_uri, tmp_path_factory):
    log = tmp_path_factory.mktemp("web-form-log") / "server.log"
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(SERVER), "--workspace", workspace_uri, "--port", "0"],
            stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        line = _first_line(process, STARTUP_SECONDS)
        match = re.match(r"listening on (http://\S+)", line or "")
        if not match:
            pytest.fail(f"the server did not start: {line!r}\n{log.read_text(errors='replace')}")
        yield match.group(1)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-extensions", "--window-size=1024,1400"):
        options.add_argument(argument)
    # An explicit driver path: Selenium never tries to download one.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(PAGE_SECONDS * 2)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def tickets(workspace_uri):
    """The web-form tickets, read through the Python API."""
    reader = relais.open(workspace_uri)

    def read():
        return [t for t in reader.desk.tickets(limit=500).tickets if t.source == relais.TicketSource.WEB_FORM]
    return read


def _fill_form(browser, server_url):
    browser.get(server_url)
    WebDriverWait(browser, PAGE_SECONDS).until(expected_conditions.presence_of_element_located((By.ID, "name")))
    fields = {"name": "Hélène Martin", "phone": "06 12 34 56 78", "email": "helene.martin@example.fr",
              "street": "3 rue des Lilas", "postcode": "35000", "city": "Rennes",
              "message": "Le disjoncteur saute dès que le four chauffe."}
    for field, value in fields.items():
        browser.find_element(By.ID, field).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#kind option[value=breakdown]").click()


def _submit(browser):
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def _heading(browser):
    return WebDriverWait(browser, PAGE_SECONDS).until(
        expected_conditions.presence_of_element_located((By.TAG_NAME, "h1"))).text


def test_a_filled_form_becomes_a_web_form_ticket(browser, server_url, tickets):
    before = tickets()
    _fill_form(browser, server_url)
    browser.find_element(By.ID, "consent").click()
    _submit(browser)

    WebDriverWait(browser, PAGE_SECONDS).until(expected_conditions.title_contains("Demande enregistrée"))
    assert _heading(browser) == "Demande enregistrée"
    number = re.search(r"T-\d{4}-\d{6}", browser.find_element(By.CSS_SELECTOR, "[role=status]").text).group(0)
    created = [t for t in tickets() if t not in before]
    assert [(t.number, t.kind) for t in created] == [(number, relais.TicketKind.BREAKDOWN)]
    assert created[0].description == "Le disjoncteur saute dès que le four chauffe."


def test_a_filled_honeypot_looks_accepted_and_records_nothing(browser, server_url, tickets):
    before = tickets()
    _fill_form(browser, server_url)
    browser.find_element(By.ID, "consent").click()
    # What a robot does: fill every field it finds in the page, hidden or not.
    browser.execute_script("document.getElementById('website').value = 'https://spam.example';")
    _submit(browser)

    WebDriverWait(browser, PAGE_SECONDS).until(expected_conditions.title_contains("Demande enregistrée"))
    assert "T-" not in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert tickets() == before


def test_without_consent_neither_the_browser_nor_the_server_records_the_request(browser, server_url, tickets):
    before = tickets()
    _fill_form(browser, server_url)
    _submit(browser)
    consent = browser.find_element(By.ID, "consent")
    assert browser.execute_script("return arguments[0].validity.valueMissing;", consent)
    assert _heading(browser) == "Votre demande"

    # A client that skips the browser's checks is refused by the server.
    browser.execute_script("document.querySelector('form').noValidate = true;")
    _submit(browser)
    alert = WebDriverWait(browser, PAGE_SECONDS).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert "Consentement" in alert.text
    assert browser.find_element(By.ID, "name").get_attribute("value") == "Hélène Martin"
    assert tickets() == before
