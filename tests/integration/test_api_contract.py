"""The API does what ``/api/v1/openapi.json`` says: a schema-driven tester (schemathesis) against
the app started for real.

Schemathesis reads the served document and sends every operation documented examples,
boundary and invalid values (coverage), generated requests (fuzzing) and chains of calls along
the document's links (stateful: create feedback, then look it up by its tracking number),
with every check on: no 5xx, documented status codes, media types, headers and response
schemas, valid data accepted, invalid data rejected, 405 with ``Allow`` for undocumented
methods. It runs as its own process (its CLI and JSON report are its stable interface), with a
fixed seed and no example database, so a run is reproducible. This test checks the contract,
not the numbers: the hand-written API tests check those.

Exclusions (each is a check relaxed for one operation, with the reason; written in the
repository's ``schemathesis.toml``, which a developer's own ``st run`` from the root reads too):
- ``GET /indicators``, positive data may get a 400. The filters must fit the chosen indicator
  (its years, measures and dimensions; ``muni`` inside ``depto``). OpenAPI cannot state a rule
  between two query parameters, so a combination that is valid parameter by parameter can be
  refused; the 400 names the parameter and the document's description says so.

Schemathesis leaves out the operation that serves the document it read (``GET
/openapi.json``) unless a filter names it, so the run selects every path explicitly
(``--include-path-regex ^/``); the test counts the operations in the served document itself
and asserts the run tested each of them.

Test settings, not exclusions: the feedback rate limit is raised (every request comes from one
address; the limiter has its own tests), and ``contract_hooks`` gives each feedback body its own
``Idempotency-Key`` the way a real client does (see that module).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from importer_support import result, results_xlsx

from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.options import ImportOptions, RejectLimit
from dashboard.releases.importers.results import import_results

SEED = 15
EXAMPLES_PER_OPERATION = 30
TIMEOUT_SECONDS = 240
HERE = Path(__file__).resolve().parent
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
REPO = HERE.parents[1]
CONFIG = REPO / "schemathesis.toml"  # the hooks and the one relaxed check
_SUMMARY = re.compile(r"^=+ (.+ in [\d.]+s) =+$")
_LOOKUP = re.compile(r"/api/v1/feedback/GT-\d{4}-[0-9A-Z]{8}$")


def _run_schemathesis(url: str, workdir: Path) -> tuple[subprocess.CompletedProcess, Path]:
    reports = workdir / "reports"
    command = [
        str(Path(sys.executable).with_name("schemathesis")), "--config-file", str(CONFIG),
        "run", f"{url}/api/v1/openapi.json", "--url", f"{url}/api/v1",
        "--include-path-regex", "^/",  # explicit, so GET /openapi.json is tested too
        "--checks", "all", "--max-examples", str(EXAMPLES_PER_OPERATION), "--seed", str(SEED),
        "--generation-database", "none", "--workers", "1", "--no-color",
        "--report", "json,har", "--report-dir", str(reports),
    ]
    # From the repository root, as a developer runs it: the config names the hooks by path.
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                          timeout=TIMEOUT_SECONDS, check=False)
    return done, reports


def _summary(stdout: str) -> str:
    lines = [m.group(1) for m in map(_SUMMARY.match, stdout.splitlines()) if m]
    return lines[-1] if lines else "(no summary line)"


def _followed_links(reports: Path) -> int:
    """Lookups of a tracking number the API itself handed out that answered 200."""
    har = json.loads(next(reports.glob("har-*.json")).read_text(encoding="utf-8"))
    return sum(1 for e in har["log"]["entries"]
               if e["request"]["method"] == "GET" and _LOOKUP.search(e["request"]["url"])
               and e["response"]["status"] == 200)


def _documented_operations(url: str) -> int:
    """Operations in the served document, counted here rather than taken from the tester."""
    with urllib.request.urlopen(f"{url}/api/v1/openapi.json", timeout=30) as answer:
        paths = json.load(answer)["paths"]
    return sum(1 for item in paths.values() for method in item if method in HTTP_METHODS)


def _publish_an_import(settings, tmp_path):
    """The served release is made by an import that kept a report and rejected rows, so the
    documented examples of ``informe.txt`` and ``rechazados.csv`` exist (a demo run has none)."""
    path = results_xlsx(tmp_path / "graduandos.xlsx",
                        [result(2016), result(2017), result(2018, lectura=120.0)])
    import_results(settings, path, Progress("results", None),
                   ImportOptions(max_rejected=RejectLimit.parse("1")))


def test_api_matches_its_openapi_document(demo_copy, live_server_factory, tmp_path):
    settings = demo_copy.with_overrides(feedback_rate_limit="100000/minute",
                                          lookup_rate_limit="100000/minute")
    _publish_an_import(settings, tmp_path)
    server = live_server_factory(settings)
    documented = _documented_operations(server.url)
    done, reports = _run_schemathesis(server.url, tmp_path)
    report = json.loads(next(reports.glob("json-*.json")).read_text(encoding="utf-8"))
    ops, cases = report["operations"], report["test_cases"]
    summary = (f"schemathesis {report['schemathesis_version']} (seed {SEED}, "
               f"{EXAMPLES_PER_OPERATION} examples per operation): {_summary(done.stdout)}; "
               f"{ops['tested']}/{ops['total']} operations tested ({documented} in the "
               f"document), {cases['generated']} test cases, "
               f"{len(report['failures'])} failures, {len(report['errors'])} errors")
    print(summary)
    detail = f"{summary}\n{done.stdout[-6000:]}\n{done.stderr[-2000:]}"
    assert done.returncode == 0 and report["exit_code"] == 0, detail
    assert report["failures"] == [] and report["errors"] == [], detail
    assert ops["tested"] == ops["total"] == documented >= 29, detail
    assert all(p["status"] == "success" for p in report["phases"].values()), detail
    assert report["warnings"]["missing_test_data"] == [], detail  # the examples exist
    assert _followed_links(reports) > 0, f"no feedback looked up through the link\n{detail}"
