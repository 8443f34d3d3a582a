#!/usr/bin/env python3
"""Browser test of the Membrane workbench (`membrane serve`), driven through the Chrome DevTools protocol.

Starts Debian's headless `chromium` (no browser download, no Selenium), loads the page from BASE_URL and checks:
  1. the page shows the default cell's GHK V_m in [data-testid="vm"], equal to the GHK voltage equation computed
     here independently (CODATA 2018 constants) from the concentrations and permeabilities that the API's
     `POST /api/report` returns for the default cell;
  2. typing 20 into the outside K⁺ box ([data-testid="outside-K"]) makes the displayed V_m the GHK value with
     [K⁺]o = 20 mM;
  3. (unless --no-tour) every panel of the navigation computes without an error banner (the lessons: their list);
  3b. (with the tour) the action-potential panel's pump, extracellular space and its exchange: a link that sets
     them sends `pump-uA-per-cm2`, `extracellular-volume-relative`, `bath-diffusion-per-s`, `bath-concentration` and
     `glial-uptake-mM-per-s` in POST /api/simulate/hh and shows the K⁺ the glia removed as the API computes it for
     that body; a bath concentration without its rate is refused by the server (400, field bath-concentration)
     and the page shows the error banner with the field marked;
  4. (unless --no-lesson) a lesson end to end, opened by its URL (#v1/lesson?name=NAME, default nernst-valence)
     beside its panel, with the answers of POST /api/lesson/key: an answer that is no number is refused at its
     box; a deliberately wrong first answer is marked wrong; every answer, typed as a student types it or
     clicked, is checked through POST /api/lesson/grade (one request per Check, with that answer) and marked as
     the server grades it, with the server's explanation for that answer and the worked equation as MathML; the
     summary counts them; the progress is in localStorage and survives a reload and shows in the list; then a
     teacher's file is uploaded through the file input: a malformed one (a misspelt key) is sent as its text
     and refused with the error naming my-lesson.yaml and its line, the corrected one opens and grades; the page
     never requests lesson/key;
  and fails on any JavaScript exception, console error, failed or 4xx/5xx request (other than the two 400s the
  lesson step provokes on purpose), CSP violation, or request to any origin other than BASE_URL's. Saves a
  screenshot (PNG) of the Nernst & GHK panel.

usage: scripts/browser-test.py http://127.0.0.1:8080/ [--screenshot page.png] [--phone] [--full-page] [--no-tour]
                               [--lesson NAME] [--no-lesson]
Needs `chromium` and Python 3.9+ with `websockets` (Debian: python3-websockets; when the running python3 lacks it
the script re-runs itself under /usr/bin/python3).
Exit status 0 when every check passes, 1 when one fails or the browser cannot be started.
"""
import argparse
import asyncio
import base64
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urljoin, urlsplit

try:
    import websockets
except ImportError:  # pragma: no cover
    # Debian's python3-websockets belongs to the system Python: use it when this interpreter lacks the package.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3") \
            and not os.environ.get("MEMBRANE_BROWSER_TEST_REEXEC"):
        os.environ["MEMBRANE_BROWSER_TEST_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3", os.path.abspath(__file__), *sys.argv[1:]])
    sys.exit("browser-test: the Python package `websockets` is missing: apt-get install python3-websockets "
             "(for /usr/bin/python3), or pip install websockets in a virtual environment")

# CODATA 2018 exact values: F = e·N_A, R = k_B·N_A.
E_CHARGE = 1.602176634e-19
AVOGADRO = 6.02214076e23
BOLTZMANN = 1.380649e-23
FARADAY = E_CHARGE * AVOGADRO
GAS_R = BOLTZMANN * AVOGADRO


class Failure(Exception):
    pass


def ghk_mV(ions, temperature_K):
    """The GHK voltage equation for monovalent permeant ions (Goldman 1943; Hodgkin & Katz 1949)."""
    num = den = 0.0
    for ion in ions:
        p = ion.get("permeability")
        if p is None or p == 0:
            continue
        z = ion["charge"]
        if abs(z) != 1:
            raise Failure(f"the default cell has a permeant ion of charge {z}; this check handles monovalent ions only")
        if z > 0:
            num += p * ion["outside_mM"]; den += p * ion["inside_mM"]
        else:
            num += p * ion["inside_mM"]; den += p * ion["outside_mM"]
    return GAS_R * temperature_K / FARADAY * math.log(num / den) * 1e3


def parse_mV(text):
    m = re.search(r"([−\-+]?\d+(?:\.\d+)?)\s*mV", text or "")
    return float(m.group(1).replace("−", "-")) if m else None


def api_post(base, command, body, timeout):
    req = urllib.request.Request(urljoin(base, f"api/{command}"), data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.load(r)


def find_chromium(explicit):
    for name in ([explicit] if explicit else []) + ["chromium", "chromium-browser", "google-chrome", "chrome"]:
        path = shutil.which(name) if name and not os.path.isabs(name) else name
        if path and os.path.exists(path):
            return path
    raise SystemExit("browser-test: no chromium found (Debian: apt-get install chromium)")


class Browser:
    """A headless Chromium with one page, spoken to over the DevTools protocol (flat sessions)."""

    def __init__(self, binary, width, height, phone, base):
        self.binary, self.width, self.height, self.phone = binary, width, height, phone
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        self.errors, self.requests = [], []
        self.bodies = {}      # request URL → the bodies POSTed to it
        self.expected = []    # [status, URL] answers a step provokes on purpose (a malformed upload, an unreadable answer), not failures
        self.expected_seen = []
        self.next_id = 0
        self.pending = {}
        self.proc = self.ws = self.session = None
        self.profile = tempfile.mkdtemp(prefix="membrane-browser-test-")

    async def start(self, timeout):
        args = [self.binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-features=Translate,MediaRouter",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars", "--password-store=basic",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + timeout
        url = None
        while time.monotonic() < deadline:
            line = await asyncio.wait_for(loop.run_in_executor(None, self.proc.stderr.readline), timeout)
            if not line and self.proc.poll() is not None:
                break
            m = re.search(r"DevTools listening on (ws://\S+)", line)
            if m:
                url = m.group(1)
                break
        if not url:
            raise SystemExit(f"browser-test: chromium did not start (exit status {self.proc.poll()})")
        loop.run_in_executor(None, self.proc.stderr.read)  # keep draining so chromium never blocks on stderr
        self.ws = await websockets.connect(url, max_size=None, ping_interval=None)
        self.reader = asyncio.ensure_future(self.read())
        target = await self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = await self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, browser=True)
        self.session = attached["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            await self.send(f"{domain}.enable")
        await self.send("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": self.height, "deviceScaleFactor": 2 if self.phone else 1, "mobile": self.phone})

    async def read(self):
        async for raw in self.ws:
            msg = json.loads(raw)
            if "id" in msg:
                fut = self.pending.pop(msg["id"], None)
                if fut and not fut.done():
                    fut.set_result(msg)
            else:
                self.event(msg.get("method"), msg.get("params", {}))

    def event(self, method, p):
        if method == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            text = d.get("exception", {}).get("description") or d.get("text")
            self.errors.append(f"JavaScript exception: {text} ({d.get('url', '')}:{d.get('lineNumber', '?')})")
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            self.errors.append(f"console.{p['type']}: {args}")
        elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
            e = p["entry"]
            if e.get("source") == "network" and any(url == e.get("url") for _, url in self.expected + self.expected_seen):
                return  # Chromium's "Failed to load resource" line for an expected error answer
            self.errors.append(f"browser log ({e.get('source')}): {e.get('text')} {e.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            url = p["request"]["url"]
            self.requests.append(url)
            if p["request"].get("method") == "POST":
                self.bodies.setdefault(url, []).append(p["request"].get("postData"))
            if not (url.startswith(self.origin + "/") or url == self.origin or url == "about:blank"):
                self.errors.append(f"request to another origin: {url}")
        elif method == "Network.loadingFailed" and not p.get("canceled"):
            self.errors.append(f"request failed: {p.get('errorText')} (blocked: {p.get('blockedReason', '-')})")
        elif method == "Network.responseReceived" and p["response"]["status"] >= 400:
            answer = [p["response"]["status"], p["response"]["url"]]
            if answer in self.expected:
                self.expected.remove(answer)
                self.expected_seen.append(answer)
                return
            self.errors.append(f"HTTP {p['response']['status']} for {p['response']['url']}")

    async def send(self, method, params=None, browser=False, timeout=15):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if not browser:
            msg["sessionId"] = self.session
        fut = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = fut
        await self.ws.send(json.dumps(msg))
        reply = await asyncio.wait_for(fut, timeout)
        if "error" in reply:
            raise Failure(f"DevTools {method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    async def eval(self, expression):
        r = await self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise Failure(f"evaluating {expression[:60]}…: {r['exceptionDetails'].get('text')}")
        return r["result"].get("value")

    async def wait_for(self, expression, what, timeout, interval=0.05):
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            last = await self.eval(expression)
            if last:
                return last
            self.check()
            await asyncio.sleep(interval)
        raise Failure(f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})")

    def check(self):
        if self.errors:
            raise Failure("; ".join(dict.fromkeys(self.errors)))

    async def close(self):
        try:
            if self.ws:
                await self.send("Browser.close", browser=True, timeout=3)
        except Exception:
            pass
        try:
            if self.ws:
                await self.ws.close()
        except Exception:
            pass
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


VM_TEXT = "document.querySelector('[data-testid=\"vm\"]')?.textContent || ''"
PANEL_DONE = """(() => {
  const p = [...document.querySelectorAll('section.panel')].find(s => !s.hidden);
  if (!p) return null;
  const err = p.querySelector('.error-banner');
  if (err && !err.hidden) return 'error: ' + err.textContent;
  if (p.querySelector('.busy.on')) return null;
  const main = p.querySelector('.main-result');
  return main && main.childElementCount ? 'ok' : null;
})()"""


# A teacher's lesson for the upload step; MALFORMED has a misspelt key on the line that holds it.
TEACHER_LESSON = """title: A teacher's Nernst question
goal: Compute E_K at body temperature.
misconception: E_K is positive because K⁺ is a cation.
steps: Use the Nernst equation.
setup:
  k:
    run: nernst
    with: {ion: K, inside: 140, outside: 5, temperature: 37}
questions:
  - id: E_K
    ask: What is E_K for 140 mM K⁺ inside and 5 mM outside at 37 °C?
    answer: k.potential_mV
    unit: mV
    tolerance: 1
    explain: "E_K = {{answer:.1f}} mV; you answered {{student}} mV."
"""
MALFORMED_LESSON = TEACHER_LESSON.replace("    tolerance: 1", "    tolerence: 1")
MALFORMED_LINE = MALFORMED_LESSON.split("\n").index("    tolerence: 1") + 1

LESSON_READY = """(() => {
  const t = document.getElementById('lesson-title');
  const q = document.querySelector('.question-card');
  const p = document.querySelector('.lesson-stage section.panel');
  return t && t.tagName === 'H2' && t.checkVisibility() && q && (!p || p.querySelector('.main-result')?.childElementCount) ? t.textContent : null;
})()"""
VERDICT = """(() => { const v = document.querySelector('[data-testid="lesson-verdict"]');
  return v && v.dataset.given === GIVEN ? v.dataset.verdict : null; })()"""


def typed(answer, accepted, unit):
    """The answer as a student types it: four significant digits (more when the tolerance needs them), a real
    minus sign, and the unit after it."""
    for digits in range(4, 17):
        x = float(f"{answer:.{digits}g}")
        if accepted["min"] <= x <= accepted["max"]:
            break
    return f"{x:.{digits}g}".replace("-", "−") + (f" {unit}" if unit else "")


def wrong(answer, accepted):
    """A number well outside the accepted range."""
    width = accepted["max"] - accepted["min"]
    return f"{answer + 10 * width + max(1.0, abs(answer)):.4g}"


async def set_file(browser, selector, path):
    """Chooses `path` in the file input `selector`, as a user picking the file does."""
    r = await browser.send("Runtime.evaluate", {"expression": f"document.querySelector('{selector}')"})
    if r["result"].get("subtype") == "null" or "objectId" not in r["result"]:
        raise Failure(f"no file input {selector} on the page")
    await browser.send("DOM.setFileInputFiles", {"files": [path], "objectId": r["result"]["objectId"]})


async def answer(browser, base, question, given, request, timeout):
    """Types or chooses `given`, presses Check, and returns what the page shows: (verdict, explanation, has_math)
    after comparing the explanation with the server's for the same answer."""
    if question["kind"] == "choice":
        ok = await browser.eval(f"""(() => {{ const r = document.querySelector('[data-testid="lesson-choice-{given}"]');
            if (!r) return false; r.click(); return r.checked; }})()""")
        if not ok:
            raise Failure(f"question {question['id']}: no choice {given!r} to click")
    else:
        ok = await browser.eval("""(() => { const e = document.querySelector('[data-testid="lesson-answer"]');
            if (!e) return false; e.focus(); e.select(); return true; })()""")
        if not ok:
            raise Failure(f"question {question['id']}: no answer box [data-testid=lesson-answer]")
        await browser.send("Input.insertText", {"text": given})
    grades = len(browser.bodies.get(urljoin(base, "api/lesson/grade"), []))
    await browser.eval("document.querySelector('[data-testid=\"lesson-check\"]').click()")
    verdict = await browser.wait_for(VERDICT.replace("GIVEN", json.dumps(given)), f"the verdict on {question['id']} = {given!r}", timeout)
    sent = browser.bodies.get(urljoin(base, "api/lesson/grade"), [])[grades:]
    if len(sent) != 1 or json.loads(sent[0]).get("answers") != {question["id"]: given}:
        raise Failure(f"question {question['id']}: the page did not grade {given!r} through POST /api/lesson/grade (sent {sent})")
    expected = next(q for q in api_post(base, "lesson/grade", dict(request, answers={question["id"]: given}), timeout)["questions"]
                    if q["id"] == question["id"])
    shown = await browser.eval("document.querySelector('[data-testid=\"lesson-explanation\"]')?.textContent || ''")
    if shown != expected["explanation"]:
        raise Failure(f"question {question['id']}: the page explains {shown!r}; the server's explanation for {given!r} is {expected['explanation']!r}")
    has_math = await browser.eval("!!document.querySelector('[data-testid=\"lesson-worked\"] math')")
    if expected.get("worked") and not has_math:
        raise Failure(f"question {question['id']}: the worked equation is not drawn as MathML")
    if verdict != ("right" if expected["correct"] else "wrong"):
        raise Failure(f"question {question['id']}: the page marks {given!r} {verdict}; the server grades it correct={expected['correct']}")
    return verdict


SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def shown_number(text):
    """A number as the page's num() writes it: a real minus sign, and large or small ones as 1.23 × 10⁻⁵."""
    m = re.match(r"\s*([−\-]?[\d.]+)(?:\s*×\s*10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+))?", text or "")
    if not m:
        return None
    x = float(m.group(1).replace("−", "-"))
    return x * 10 ** int(m.group(2).translate(SUPERSCRIPT)) if m.group(2) else x


HH_EXCHANGE = ("#v1/hh?preset=hodgkin-huxley-1952&clamp=current&concentrations=dynamic&stimulus-uA-per-cm2=20&duration=0.05"
               "&pump-uA-per-cm2=6.8&extracellular-volume-relative=0.15&bath-rate-K=1.33&bath-K=4&glial-uptake-mM-per-s=66")
HH_EXCHANGE_SENT = {"pump-uA-per-cm2": 6.8, "extracellular-volume-relative": 0.15, "bath-diffusion-per-s": "K=1.33",
                    "bath-concentration": "K=4", "glial-uptake-mM-per-s": 66}
EXCHANGE_ROW = """(() => { const p = document.getElementById('panel-hh');
  const t = p && !p.hidden ? p.querySelector('[data-testid="hh-exchange"] table') : null;
  const row = t ? [...t.querySelectorAll('tr')].find(r => r.querySelector('th')?.textContent === 'K: removed by glia.K') : null;
  return row && !p.querySelector('.busy.on') ? row.querySelector('td').textContent : null; })()"""


async def hh_exchange_test(browser, base, timeout):
    """The hh panel's pump and exchange fields: sent as the API's keys, the answer shown; a refusal shown at its field."""
    simulate = urljoin(base, "api/simulate/hh")
    before = len(browser.bodies.get(simulate, []))
    await browser.eval(f"location.hash = '{HH_EXCHANGE}'")
    shown = await browser.wait_for(EXCHANGE_ROW, "the extracellular-exchange table of the hh panel", timeout)
    sent = [json.loads(b) for b in browser.bodies.get(simulate, [])[before:]]
    body = next((b for b in reversed(sent) if all(b.get(k) == v for k, v in HH_EXCHANGE_SENT.items())), None)
    if body is None:
        raise Failure(f"the hh panel did not send {HH_EXCHANGE_SENT} to POST /api/simulate/hh (sent {sent})")
    expected = api_post(base, "simulate/hh", body, timeout)["extracellular_exchange"]["ions"]["K"]["glia.K_removed_mol"] * 1e15
    value = shown_number(shown)
    if value is None or expected <= 0 or abs(value - expected) > 1e-3 * expected:
        raise Failure(f"the hh panel shows {shown!r} removed by glia; the API computes {expected:.6g} fmol for the same body")

    # A bath concentration without its rate: the server refuses (field bath-concentration); the page says so there.
    refused = [[400, simulate], [400, urljoin(base, "api/plot/simulate/hh")]]
    browser.expected += refused
    await browser.eval(f"location.hash = '{HH_EXCHANGE.replace('bath-rate-K=1.33', 'bath-rate-K=')}'")
    banner = await browser.wait_for("""(() => { const p = document.getElementById('panel-hh');
      const e = p && p.querySelector('.error-banner');
      return e && !e.hidden ? e.textContent : null; })()""", "the hh panel's error banner", timeout)
    marked = await browser.eval("[...document.querySelectorAll('#panel-hh .field.has-error label')].map(l => l.textContent)")
    if "Distant bath K⁺" not in banner or marked != ["Distant bath K⁺"]:
        raise Failure(f"a bath concentration without a rate shows {banner!r} with the fields {marked} marked; "
                      "expected the server's refusal at Distant bath K⁺")
    if refused[0] not in browser.expected_seen:
        raise Failure("the refusal did not come as 400 from POST /api/simulate/hh")
    browser.expected = [e for e in browser.expected if e not in refused]  # the figure's request may have been aborted
    browser.check()
    return f"hh pump and exchange ({value:.4g} fmol K⁺ to glia; a bath K⁺ without its rate refused at its field)"


HH_METHOD = "#v1/hh?preset=luo-rudy-1991&own-duration=2&own-set=K_o%3D5.4&method=rodas4"
FIRST_APD90 = """(() => { const p = document.getElementById('panel-hh');
  const t = p && !p.hidden && !p.querySelector('.busy.on') ? p.querySelector('.main-result table.data') : null;
  const rows = t ? t.querySelectorAll('tbody tr') : [];
  const column = t ? [...t.querySelectorAll('thead th')].findIndex((c) => c.textContent.startsWith('APD90')) : -1;
  return rows.length === 2 && column >= 0 ? rows[0].querySelectorAll('th, td')[column].textContent : null; })()"""


async def hh_method_test(browser, base, timeout):
    """The hh panel's Method select (presets with their own model): the chosen integrator is sent as `method`, the page
    shows that run's beats, and the Rosenbrock run agrees with the preset's default integrator (BDF) on the same
    equations: APD90 within 0.1 ms, V̇max within 0.1 %."""
    simulate = urljoin(base, "api/simulate/hh")
    before = len(browser.bodies.get(simulate, []))
    await browser.eval(f"location.hash = '{HH_METHOD}'")
    deadline = time.monotonic() + timeout
    body = None
    while body is None:
        sent = [json.loads(b) for b in browser.bodies.get(simulate, [])[before:]]
        body = next((b for b in reversed(sent) if b.get("method") == "rodas4"), None)
        if body is None and time.monotonic() > deadline:
            raise Failure(f"the hh panel did not send method rodas4 to POST /api/simulate/hh (sent {sent})")
        browser.check()
        await asyncio.sleep(0.05)
    chosen = await browser.eval("""(() => { const l = [...document.querySelectorAll('#panel-hh label')].find((x) => x.textContent === 'Method');
      const e = l && document.getElementById(l.htmlFor); return e && !e.closest('[hidden]') ? e.value : null; })()""")
    if chosen != "rodas4":
        raise Failure(f"the Method select shows {chosen!r} after the link chose rodas4")
    shown = shown_number(await browser.wait_for(FIRST_APD90, "the luo-rudy-1991 beats of the rodas4 run", timeout))
    rodas = api_post(base, "simulate/hh", body, timeout)
    default = api_post(base, "simulate/hh", {k: v for k, v in body.items() if k != "method"}, timeout)
    if "Rosenbrock" not in rodas["method"] and "Rodas" not in rodas["method"]:
        raise Failure(f"method rodas4 ran {rodas['method']!r}")
    if rodas["method"] == default["method"]:
        raise Failure(f"method rodas4 and the preset's default both ran {rodas['method']!r}")
    a, b = rodas["beats"][0], default["beats"][0]
    if shown is None or abs(shown - a["apd90_ms"]) > 1e-3 * a["apd90_ms"]:
        raise Failure(f"the page shows APD90 {shown} ms; the API's rodas4 run gives {a['apd90_ms']:.6g} ms")
    if abs(a["apd90_ms"] - b["apd90_ms"]) > 0.1 or abs(a["vmax_V_per_s"] - b["vmax_V_per_s"]) > 1e-3 * b["vmax_V_per_s"]:
        raise Failure(f"Rodas4 and {default['method']} disagree on the same equations: APD90 {a['apd90_ms']} vs "
                      f"{b['apd90_ms']} ms, V̇max {a['vmax_V_per_s']} vs {b['vmax_V_per_s']} V/s")
    return f"hh method select (rodas4: APD90 {a['apd90_ms']:.2f} ms, default {b['apd90_ms']:.2f} ms)"


async def open_lesson(browser, url, timeout):
    """Loads `url` in a fresh document and waits until the lesson and the panel beside it are shown."""
    await browser.send("Page.navigate", {"url": "about:blank"})
    await browser.send("Page.navigate", {"url": url})
    return await browser.wait_for(LESSON_READY, f"the lesson at {url}", timeout)


async def lesson_test(browser, base, name, timeout):
    """Takes lesson `name` end to end by its URL, with the answers of POST /api/lesson/key; then uploads a malformed
    and a corrected teacher's lesson. Returns a summary line."""
    request = {"name": name}
    key = api_post(base, "lesson/key", request, timeout)
    questions = key["questions"]
    sheet = api_post(base, "lesson/show", request, timeout)
    if sheet["title"] != await open_lesson(browser, urljoin(base, f"#v1/lesson?name={name}"), timeout):
        raise Failure(f"the lesson {name} opened without its title {sheet['title']!r}")
    if sheet.get("workbench"):
        stage = await browser.eval("document.querySelector('.lesson-stage section.panel')?.id || null")
        if stage != f"panel-{sheet['workbench']['panel']}":
            raise Failure(f"the lesson {name} shows the panel {stage!r} beside it, not panel-{sheet['workbench']['panel']}")

    # An answer that is no number is refused at the answer box (400 from lesson/grade), not marked wrong.
    grade = urljoin(base, "api/lesson/grade")
    if questions[0]["kind"] == "numeric":
        browser.expected.append([400, grade])
        await browser.eval("""(() => { const e = document.querySelector('[data-testid="lesson-answer"]'); e.focus(); e.select(); })()""")
        await browser.send("Input.insertText", {"text": "about minus ninety"})
        await browser.eval("document.querySelector('[data-testid=\"lesson-check\"]').click()")
        said = await browser.wait_for("""document.querySelector('[data-testid="lesson-answer"][aria-invalid="true"]')
            && document.querySelector('.question-card .field-message').textContent""", "the unreadable answer's message", timeout)
        if "about minus ninety" not in said or await browser.eval(VERDICT.replace("GIVEN", '"about minus ninety"')):
            raise Failure(f"an unreadable answer shows {said!r} at the box (or a verdict)")

    first = questions[0]
    if first["kind"] == "choice":
        other = next(c["key"] for c in next(q for q in sheet["questions"] if q["id"] == first["id"])["choices"] if c["key"] != first["answer"])
    else:
        other = wrong(first["answer"], first["accepted"])
    if await answer(browser, base, first, other, request, timeout) != "wrong":
        raise Failure(f"question {first['id']}: the wrong answer {other!r} was not marked wrong")
    marked = await browser.eval("document.querySelectorAll('.q-step.wrong').length")
    if marked != 1:
        raise Failure(f"after one wrong answer {marked} question buttons are marked wrong")
    for k, q in enumerate(questions):
        if k:
            await browser.eval("document.querySelector('[data-testid=\"lesson-next\"]').click()")
            await browser.wait_for(f"document.querySelector('.question-card h3')?.textContent.startsWith('Question {k + 1} ')", f"question {k + 1}", timeout)
        given = q["answer"] if q["kind"] == "choice" else typed(q["answer"], q["accepted"], q.get("unit"))
        if await answer(browser, base, q, given, request, timeout) != "right":
            raise Failure(f"question {q['id']}: the key's answer {given!r} was not marked right")
    total = len(questions)
    summary = await browser.wait_for("document.querySelector('[data-testid=\"lesson-summary\"]')?.textContent", "the lesson's summary", timeout)
    if f"{total} of {total} right ({total - 1} at the first try)" not in summary:
        raise Failure(f"the summary reads {summary!r}; expected {total} of {total} right, {total - 1} at the first try")

    stored = await browser.eval(f"localStorage.getItem('membrane.lesson.v1.progress.name.{name}')")
    progress = json.loads(stored or "null") or {}
    answers = progress.get("answers", {})
    if sorted(answers) != sorted(q["id"] for q in questions) or not all(a.get("correct") for a in answers.values()) \
            or answers[first["id"]].get("attempts") != 2 or answers[first["id"]].get("firstCorrect") is not False:
        raise Failure(f"the progress in localStorage is not the lesson's: {stored!r}")

    # The progress survives a reload: every question marked right, the summary shown again.
    await browser.send("Page.reload", {"ignoreCache": True})
    await browser.wait_for(LESSON_READY, f"the lesson {name} after a reload", timeout)
    right = await browser.eval("document.querySelectorAll('.q-step.right').length")
    summary = await browser.eval("document.querySelector('[data-testid=\"lesson-summary\"]')?.textContent || ''")
    if right != total or f"{total} of {total} right" not in summary:
        raise Failure(f"after a reload {right} of {total} questions are marked right and the summary reads {summary!r}")
    await browser.eval("location.hash = '#v1/lesson'")
    badge = await browser.wait_for(f"document.querySelector('[data-lesson=\"{name}\"]')?.closest('.lesson-card').querySelector('.badge')?.textContent",
                                   "the lesson list", timeout)
    if badge != f"done: {total} of {total} right":
        raise Failure(f"the lesson list shows {name} as {badge!r}")
    browser.check()

    # A teacher's file: its text travels in the request body; a malformed one is refused with its line named.
    folder = tempfile.mkdtemp(prefix="membrane-lesson-")
    path = os.path.join(folder, "my-lesson.yaml")
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(MALFORMED_LESSON)
        show = urljoin(base, "api/lesson/show")
        browser.expected.append([400, show])
        await set_file(browser, '[data-testid="lesson-upload"]', path)
        error = await browser.wait_for("document.querySelector('[data-testid=\"lesson-upload-error\"]')?.textContent", "the upload's error", timeout)
        if f"my-lesson.yaml:{MALFORMED_LINE}:" not in error or "tolerance" not in error or "    tolerence: 1" not in error:
            raise Failure(f"the malformed upload shows {error!r}; expected my-lesson.yaml:{MALFORMED_LINE}: with the line quoted")
        if [400, show] not in browser.expected_seen or json.loads(browser.bodies[show][-1]) != {"lesson-file": MALFORMED_LESSON}:
            raise Failure("the malformed upload did not send the file's text as lesson-file (or was not refused with 400)")
        with open(path, "w", encoding="utf-8") as f:
            f.write(TEACHER_LESSON)
        await set_file(browser, '[data-testid="lesson-upload"]', path)
        title = await browser.wait_for(LESSON_READY, "the uploaded lesson", timeout)
        upload_key = api_post(base, "lesson/key", {"lesson-file": TEACHER_LESSON}, timeout)["questions"][0]
        given = typed(upload_key["answer"], upload_key["accepted"], upload_key["unit"])
        if title != "A teacher's Nernst question" or await answer(browser, base, upload_key, given, {"lesson-file": TEACHER_LESSON}, timeout) != "right":
            raise Failure(f"the corrected upload did not open and grade ({title!r})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if browser.expected:
        raise Failure(f"expected error answers that never came: {browser.expected}")
    if any("api/lesson/key" in u for u in browser.requests):
        raise Failure("the page asked for a lesson's answer key")
    browser.check()
    return (f"lesson {name}: {total} questions answered by URL (one wrong answer marked wrong first), explained as the "
            f"server explains them, progress kept over a reload; a malformed upload refused at my-lesson.yaml:{MALFORMED_LINE}, "
            f"the corrected one graded")


async def run(args):
    t0 = time.monotonic()
    base = args.base_url if args.base_url.endswith("/") else args.base_url + "/"
    # The default cell as the API reports it; the expected values are computed here from its inputs.
    try:
        report = api_post(base, "report", {}, args.timeout)
    except (OSError, ValueError) as e:
        raise Failure(f"POST {base}api/report did not answer with the default cell: {e}") from None
    temperature = report["temperature_K"]
    ions = report["ions"]
    expected0 = ghk_mV(ions, temperature)
    if not any(i["name"] == "K" for i in ions):
        raise Failure("the default cell has no K⁺")
    changed = [dict(i, outside_mM=20.0) if i["name"] == "K" else i for i in ions]
    expected1 = ghk_mV(changed, temperature)

    width, height = (375, 812) if args.phone else (args.width, args.height)
    browser = Browser(find_chromium(args.chromium), width, height, args.phone, base)
    try:
        await browser.start(args.timeout)
        await browser.send("Page.navigate", {"url": base})
        text = await browser.wait_for(f"(/\\d/.test({VM_TEXT}) && {VM_TEXT})", "the V_m readout [data-testid=vm]", args.timeout)
        shown0 = parse_mV(text)
        if shown0 is None or abs(shown0 - expected0) > 0.006:
            raise Failure(f"on load the page shows V_m = {text!r}; the GHK equation gives {expected0:.4f} mV for the default cell")

        box = await browser.eval("""(() => { const e = document.querySelector('[data-testid="outside-K"]');
            if (!e) return null; e.scrollIntoView({block: 'center'}); e.focus(); e.select(); return e.value; })()""")
        if box is None:
            raise Failure('no outside K⁺ input [data-testid="outside-K"] on the page')
        await browser.send("Input.insertText", {"text": "20"})
        value = await browser.eval("document.querySelector('[data-testid=\"outside-K\"]').value")
        if value != "20":
            raise Failure(f"typing 20 into the outside K⁺ box left it at {value!r}")
        target = f"{expected1:.2f}".replace("-", "−")
        try:
            text = await browser.wait_for(
                f"(({VM_TEXT}).includes('{target}') && {VM_TEXT})", f"V_m = {target} mV after [K⁺]o = 20 mM", args.timeout)
        except Failure as e:
            raise Failure(f"{e}; the page shows {await browser.eval(VM_TEXT)!r}") from None
        shown1 = parse_mV(text)
        browser.check()

        await browser.eval("window.scrollTo(0, 0)")
        await asyncio.sleep(0.2)
        if args.screenshot:
            shot = await browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": args.full_page}, timeout=30)
            with open(args.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))

        toured = []
        if not args.no_tour:
            links = await browser.eval("[...document.querySelectorAll('.panel-nav a')].map(a => a.dataset.panel)")
            for panel in links:
                if panel == "ghk":
                    continue
                await browser.eval(f"document.querySelector('.panel-nav a[data-panel=\"{panel}\"]').click()")
                if panel == "lesson":  # not a calculator: its list of lessons; the lesson itself is tested below
                    await browser.wait_for("document.querySelectorAll('.lesson-card a.lesson-link').length", "the list of lessons", args.timeout)
                    toured.append(panel)
                    continue
                state = await browser.wait_for(PANEL_DONE, f"the {panel} panel to compute", args.timeout)
                if state != "ok":
                    raise Failure(f"panel {panel}: {state}")
                toured.append(panel)
            # The action-potential panel's voltage-clamp mode (its URL state): the I–V family of 7 steps −80…40 mV.
            await browser.eval("location.hash = '#v1/hh?clamp=voltage&vc-from=-80&vc-to=40&vc-step=20'")
            rows = await browser.wait_for("""(() => { const p = document.getElementById('panel-hh');
              const t = p && !p.hidden ? p.querySelector('.main-result table.data') : null;
              return t && t.querySelectorAll('tbody tr').length === 7 ? 7 : null; })()""",
                                          "the voltage-clamp I–V table of the hh panel", args.timeout)
            toured.append(f"hh voltage clamp ({rows} steps)")
            # A published model on its own equations: Luo & Rudy 1991 paced for 2 s fires two beats (onsets 100, 1100 ms).
            await browser.eval("location.hash = '#v1/hh?preset=luo-rudy-1991&own-duration=2&own-set=K_o%3D5.4'")
            beats = await browser.wait_for("""(() => { const p = document.getElementById('panel-hh');
              const t = p && !p.hidden ? p.querySelector('.main-result table.data') : null;
              const n = t ? t.querySelectorAll('tbody tr').length : 0;
              return n === 2 ? n : null; })()""", "the luo-rudy-1991 beats table of the hh panel", args.timeout)
            toured.append(f"hh luo-rudy-1991 ({beats} beats)")
            toured.append(await hh_method_test(browser, base, args.timeout))
            toured.append(await hh_exchange_test(browser, base, args.timeout))
            browser.check()
        lesson = None if args.no_lesson else await lesson_test(browser, base, args.lesson, args.timeout)
    finally:
        await browser.close()

    print(f"browser-test: ok in {time.monotonic() - t0:.1f} s: V_m on load {shown0:.2f} mV (GHK {expected0:.4f}); "
          f"with [K⁺]o = 20 mM {shown1:.2f} mV (GHK {expected1:.4f})"
          + (f"; panels computed: {', '.join(toured)}" if toured else "")
          + (f"; {lesson}" if lesson else "")
          + (f"; screenshot {args.screenshot}" if args.screenshot else "")
          + f"; {len(browser.requests)} requests, all to {browser.origin}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base_url", help="where `membrane serve` listens, e.g. http://127.0.0.1:8080/")
    ap.add_argument("--screenshot", help="save a PNG of the Nernst & GHK panel here")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--phone", action="store_true", help="a 375 × 812 px phone viewport (device scale 2)")
    ap.add_argument("--full-page", action="store_true", help="capture the whole page, not only the viewport")
    ap.add_argument("--no-tour", action="store_true", help="skip computing every panel")
    ap.add_argument("--lesson", default="nernst-valence", help="the lesson to take end to end (default nernst-valence)")
    ap.add_argument("--no-lesson", action="store_true", help="skip the lesson and the upload")
    ap.add_argument("--timeout", type=float, default=15, help="seconds for each wait (default 15)")
    ap.add_argument("--chromium", help="path of the chromium binary")
    args = ap.parse_args()
    try:
        asyncio.run(asyncio.wait_for(run(args), 120))
    except Failure as e:
        print(f"browser-test: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
    except (OSError, asyncio.TimeoutError) as e:
        print(f"browser-test: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
