#!/usr/bin/env python3
"""Admin driver for run.sh parts 5 (crash) and 6 (edit), issue 7. Standard library only; loopback only.

  admin_driver.py publish-loop BASE USER PASSWORD ACKS [--max N] [--interval S] [--seconds S]
      Signs in as an admin of 品川区 and loops: switch to the other of two PAIRS in two places, the fee reissue-fee's card
      part (Items[0].Amount, with StatedTotal) and kofu-tokusetsu's weekday closing time (Hours[0].Close), two saves into
      the draft, then publish (today). Every publish the portal
      acknowledges (302 to /history?published=N) is appended to ACKS at once ("N close0 close1", flushed and fsynced).
      Stops after --max publishes or --seconds, or when the portal stops answering (it was killed): exit 0 either way.
  admin_driver.py verify DB ACKS [CHECKLIST_HTML]
      After a restart: PRAGMA integrity_check, every acknowledged version Published with its content and its publish
      audit entry, no half-published row (Published without PublishedAt/PublishedBy/EffectiveFrom, a Draft with them,
      a content hash that does not match, more than one draft), and with CHECKLIST_HTML (the restarted portal's 品川区 checklist)
      that the page shows the latest published version's fee total and closing time, not the other pair's. Prints one line "VERIFY key=value…"; exit 1 on a failure.
  admin_driver.py checklist-pair HTML_FILE
      Prints the closing-time pair the checklist shows for the kofu-tokusetsu counter (used to pick and check the URL).
"""
import hashlib
import html.parser
import http.client
import os
import re
import sqlite3
import sys
import time
import urllib.parse

CODE = "131091"
HOURS = f"/staff/{CODE}/admin/counters/kofu-tokusetsu/hours"
FEE = f"/staff/{CODE}/admin/fees/reissue-fee"
PUBLISH = f"/staff/{CODE}/admin/publish"
# The two rule sets published in turn, each a change in two places of the rule file: the card part of the reissue fee
# (the checklist shows the total with the 200 yen certificate part) and kofu-tokusetsu's weekday closing time (the
# checklist shows the counter's next openings). The seed has 800 (total 1,000) and 17:00; neither pair's values occur in it.
PAIRS = [(830, "17:10"), (870, "17:20")]


def markers(pair):
    """What a checklist page shows for a pair: the fee total and the closing time."""
    return (f"{pair[0] + 200:,}", pair[1])


class FormParser(html.parser.HTMLParser):
    """The fields of every form on a page, as a browser would post them (keyed by the form's _handler)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.current = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.current = []
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.current.append([a["name"], a.get("value", "on")])
            elif kind not in ("file", "submit", "button", "image", "reset"):
                self.current.append([a["name"], a.get("value") or ""])
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None, None]  # name, first option, selected option
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            if self.select[1] is None:
                self.select[1] = value
            if "selected" in a:
                self.select[2] = value
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select" and self.select is not None:
            name, first, chosen = self.select
            self.current.append([name, chosen if chosen is not None else (first or "")])
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            value = self.textarea[1]
            if value.startswith("\n"):
                value = value[1:]
            self.current.append(self.textarea)
            self.textarea = None


def form_fields(page, handler):
    parser = FormParser()
    parser.feed(page)
    for form in parser.forms:
        if ["_handler", handler] in form:
            return form
    raise RuntimeError(f"no form {handler}")


def set_field(fields, name, value):
    for f in fields:
        if f[0] == name:
            f[1] = value
            return
    raise RuntimeError(f"no field {name}")


def get_field(fields, name):
    return next(f[1] for f in fields if f[0] == name)


class Client:
    """One browser: keeps its cookies (sent back on plain HTTP, although the portal marks them Secure), never follows redirects."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.cookies = {}
        self.conn = None

    def request(self, method, path, fields=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode([tuple(f) for f in fields]).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        for key, value in response.getheaders():
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location") or "", text

    def get(self, path, expected=200):
        status, location, text = self.request("GET", path)
        if status != expected:
            raise RuntimeError(f"GET {path}: {status} {location}")
        return text


def sign_in(client, user, password):
    fields = form_fields(client.get("/staff/sign-in"), "sign-in")
    set_field(fields, "Input.UserName", user)
    set_field(fields, "Input.Password", password)
    status, location, _ = client.request("POST", "/staff/sign-in", fields)
    if status != 302 or "sign-in" in location:
        raise RuntimeError(f"sign-in: {status} {location}")


def publish_loop(base, user, password, acks_path, max_publishes, interval, seconds):
    client = Client(base)
    stats = {"acknowledged": 0, "saves": 0, "refused": 0}
    deadline = time.monotonic() + seconds
    try:
        sign_in(client, user, password)
        with open(acks_path, "a", encoding="utf-8") as acks:
            while stats["acknowledged"] < max_publishes and time.monotonic() < deadline:
                started = time.monotonic()
                fields = form_fields(client.get(HOURS), "hours")
                current = get_field(fields, "Hours[0].Close")
                target = PAIRS[1] if current == PAIRS[0][1] else PAIRS[0]
                fee = form_fields(client.get(FEE), "fee")
                set_field(fee, "Items[0].Amount", str(target[0]))
                set_field(fee, "StatedTotal", str(target[0] + 200))
                status, location, _ = client.request("POST", FEE, fee)
                if status != 302 or "saved=" not in location:
                    stats["refused"] += 1
                    continue
                fields = form_fields(client.get(HOURS), "hours")  # the stamp changed with the fee's save
                set_field(fields, "Hours[0].Close", target[1])
                status, location, _ = client.request("POST", HOURS, fields)
                if status != 302 or "saved=" not in location:
                    stats["refused"] += 1
                    continue
                stats["saves"] += 1
                publish = form_fields(client.get(PUBLISH), "publish")
                status, location, _ = client.request("POST", PUBLISH, publish)
                match = re.search(r"/history\?published=(\d+)", location)
                if status != 302 or not match:
                    stats["refused"] += 1
                    continue
                acks.write(f"{match.group(1)} {target[0]} {target[1]}\n")
                acks.flush()
                os.fsync(acks.fileno())
                stats["acknowledged"] += 1
                pause = interval - (time.monotonic() - started)
                if pause > 0:
                    time.sleep(pause)
        stats["stopped"] = "done"
    except (OSError, http.client.HTTPException) as error:
        stats["stopped"] = "connection (" + type(error).__name__ + ")"
    print("DRIVER " + " ".join(f"{k}={v}" for k, v in stats.items()), flush=True)
    return 0


def verify(db_path, acks_path, checklist_path=None):
    acked = {}
    if os.path.exists(acks_path):
        with open(acks_path, encoding="utf-8") as acks:
            for line in acks:
                parts = line.split()
                if len(parts) == 3:
                    acked[int(parts[0])] = (parts[1], parts[2])
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    problems = []
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        problems.append(f"integrity_check: {integrity}")
    rows = db.execute("SELECT Version, Status, EffectiveFrom, Content, ContentHash, PublishedAt, PublishedBy FROM RuleSetVersions WHERE Scope = ?",
                      (CODE,)).fetchall()
    audits = db.execute("SELECT Summary, After FROM AuditEntries WHERE Scope = ? AND Action = 'publish'", (CODE,)).fetchall()
    published_audit = {}
    for summary, after in audits:
        m = re.match(r"Version (\d+) published", summary or "")
        if m:
            published_audit[int(m.group(1))] = after
    by_version = {r[0]: r for r in rows}
    drafts = 0
    published = 0
    for version, status, effective, content, content_hash, published_at, published_by in rows:
        if hashlib.sha256(content.encode("utf-8")).hexdigest() != (content_hash or "").lower():
            problems.append(f"v{version}: content hash mismatch")
        if status == "Draft":
            drafts += 1
            if published_at or published_by:
                problems.append(f"v{version}: draft with PublishedAt/PublishedBy")
        elif status == "Published":
            published += 1
            if not published_at or not published_by or (version > 1 and not effective):
                problems.append(f"v{version}: Published without PublishedAt/PublishedBy/EffectiveFrom")
            if version > 1 and published_audit.get(version) != content:
                problems.append(f"v{version}: Published without its publish audit entry")
        else:
            problems.append(f"v{version}: status {status}")
    if drafts > 1:
        problems.append(f"{drafts} drafts")
    for version, (amount, close) in sorted(acked.items()):
        row = by_version.get(version)
        if row is None or row[1] != "Published":
            problems.append(f"acknowledged v{version} is {'missing' if row is None else row[1]}")
        elif not re.search(rf"amount: {amount}\b", row[3]) or not re.search(rf"close: [\"']?{close}", row[3]):
            problems.append(f"acknowledged v{version} lacks {amount}/{close}")
    for version in published_audit:
        if version not in by_version or by_version[version][1] != "Published":
            problems.append(f"publish audit entry for v{version} without its published row")
    unacked = sum(1 for r in rows if r[1] == "Published" and r[0] > 1 and r[0] not in acked)
    latest = max((r[0] for r in rows if r[1] == "Published"), default=0)
    shown = "-"
    if checklist_path and latest:
        # The restarted portal serves the latest published version (in force today): its pair, never the other one.
        content = by_version[latest][3]
        pair = next((p for p in PAIRS if re.search(rf"amount: {p[0]}\b", content) and re.search(rf"close: [\"']?{p[1]}", content)), None)
        if pair is not None:
            with open(checklist_path, encoding="utf-8") as f:
                page = f.read()
            other = PAIRS[1] if pair == PAIRS[0] else PAIRS[0]
            mine, theirs = markers(pair), markers(other)
            ok = all(m in page for m in mine) and not any(m in page for m in theirs)
            shown = f"{'/'.join(mine)}" if ok else "mismatch"
            if not ok:
                problems.append(f"checklist does not show v{latest}'s {mine[0]}/{mine[1]} alone")
    print(f"VERIFY integrity={integrity} acknowledged={len(acked)} published={published} published_not_acknowledged={unacked} "
          f"drafts={drafts} latest_published={latest} checklist_shows={shown} problems={len(problems)}" + ("".join(f"\n  problem: {p}" for p in problems[:20])), flush=True)
    return 1 if problems else 0


def checklist_pair(path):
    """The kofu-tokusetsu closing times a checklist page shows: each of PAIRS' values counted."""
    with open(path, encoding="utf-8") as f:
        page = f.read()
    print(" ".join(f"{v}={page.count(v)}" for pair in PAIRS for v in markers(pair)))
    return 0


def main(argv):
    if len(argv) >= 5 and argv[1] == "publish-loop":
        opts = {"--max": "1000000", "--interval": "0", "--seconds": "120"}
        rest = argv[6:]
        for i in range(0, len(rest) - 1, 2):
            opts[rest[i]] = rest[i + 1]
        return publish_loop(argv[2], argv[3], argv[4], argv[5], int(opts["--max"]), float(opts["--interval"]), float(opts["--seconds"]))
    if len(argv) in (4, 5) and argv[1] == "verify":
        return verify(argv[2], argv[3], argv[4] if len(argv) == 5 else None)
    if len(argv) == 3 and argv[1] == "checklist-pair":
        return checklist_pair(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
