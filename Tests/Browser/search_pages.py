#!/usr/bin/env python3
"""Quorum's pages in a real browser: headless Chromium driven by Selenium, against a real
quorumd serving the shipped corpus on a loopback port. Run by scripts/test after the Swift
tests:  Tests/Browser/search_pages.py --quorumd .build/debug/quorumd --artifacts DIR

It types a search as a person would, clicks the 2020 bar of the histogram, opens an item and
goes back, with JavaScript on and off; scans each page with axe-core (no serious or critical
violation may remain); and saves screenshots at 1280 and 390 pixels wide into DIR."""
import argparse, json, os, pathlib, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_daemon(quorumd, work):
    port = free_port()
    log = open(work / "quorumd.log", "w")
    daemon = subprocess.Popen([quorumd, "--index", str(work / "index"), "--watch", str(REPOSITORY / "Corpus"),
                               "--socket", str(work / "q.sock"), "--http", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/search?q=elective+home+education&facet=year", timeout=5) as answer:
                years = {f["value"] for f in json.load(answer)["facets"].get("year", [])}
                if {"2018", "2020", "2024", "2025"} <= years:
                    return daemon, base
        except OSError:
            pass
        time.sleep(0.2)
    daemon.terminate()
    sys.exit("quorumd did not serve the corpus in time:\n" + (work / "quorumd.log").read_text())


def browser(javascript):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def hit_years(driver):
    return [e.text[:4] for e in driver.find_elements(By.CSS_SELECTOR, ".hit .date")]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def axe_scan(driver, name, failures):
    try:
        from axe_selenium_python import Axe
    except ImportError:
        failures.append("axe-selenium-python is not installed")
        return
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        failures.append(f"{name}: axe {violation['impact']} {violation['id']}: {violation['help']} "
                        f"({', '.join(n['target'][0] for n in violation['nodes'][:3])})")


def journey(driver, base, javascript, artifacts, failures):
    mode = "js" if javascript else "nojs"
    driver.get(base + "/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("elective home education")
    box.send_keys(Keys.RETURN)
    time.sleep(0.5)
    years = set(hit_years(driver))
    bars = {b.get_attribute("data-value"): int(b.get_attribute("data-count")) for b in driver.find_elements(By.CSS_SELECTOR, "svg.bars rect")}
    check({"2018", "2020", "2024", "2025"} <= set(bars), f"{mode}: histogram years {sorted(bars)}")
    check(years, f"{mode}: no hits shown")
    if javascript:  # axe is a script: it scans the same markup with scripts on
        axe_scan(driver, "search page", failures)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(artifacts / "search-1280.png"))
        driver.set_window_size(390, 844)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(artifacts / "search-390.png"))
        driver.set_window_size(1280, 900)
    results_url = driver.current_url

    # The 2020 bar: only 2020's items, as many as the bar said.
    driver.find_element(By.CSS_SELECTOR, 'svg.bars a[aria-label^="2020:"]').click()
    time.sleep(0.5)
    check(set(hit_years(driver)) == {"2020"}, f"{mode}: after the 2020 bar, years {hit_years(driver)}")
    summary = driver.find_element(By.CSS_SELECTOR, ".summary").text
    check(summary.startswith(f"{bars['2020']} matching items"), f"{mode}: 2020 summary '{summary}'")
    filtered_url = driver.current_url

    # An item, with the search words marked; then back to the same page.
    driver.find_element(By.CSS_SELECTOR, ".hit .title a").click()
    time.sleep(0.5)
    marks = [m.text.lower() for m in driver.find_elements(By.TAG_NAME, "mark")]
    check(any(m.startswith("elective") or m.startswith("educat") for m in marks), f"{mode}: item marks {marks[:5]}")
    if javascript:
        axe_scan(driver, "item page", failures)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(artifacts / "item-1280.png"))
    driver.back()
    time.sleep(0.5)
    check(driver.current_url == filtered_url, f"{mode}: back gave {driver.current_url}")
    check(set(hit_years(driver)) == {"2020"}, f"{mode}: back, years {hit_years(driver)}")
    driver.back()
    time.sleep(0.5)
    check(driver.current_url == results_url, f"{mode}: second back gave {driver.current_url}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quorumd", default=str(REPOSITORY / ".build/debug/quorumd"))
    parser.add_argument("--artifacts", default=str(REPOSITORY / ".build/test-artifacts"))
    arguments = parser.parse_args()
    artifacts = pathlib.Path(arguments.artifacts)
    artifacts.mkdir(parents=True, exist_ok=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="quorum-browser-"))
    daemon, base = start_daemon(arguments.quorumd, work)
    failures = []
    try:
        for javascript in (True, False):
            driver = browser(javascript)
            try:
                journey(driver, base, javascript, artifacts, failures)
            except AssertionError as error:
                failures.append(str(error))
            finally:
                driver.quit()
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("browser tests failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"browser tests: ok (screenshots in {artifacts})")


if __name__ == "__main__":
    main()
