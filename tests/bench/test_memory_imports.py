"""What a web worker and a Celery worker load at start: nothing heavy that only one rare path needs.

`bench_memory` measures the resident memory (`make bench`); this guards the cause it found. fpdf2 brings
fontTools and Pillow (~25 MB in every process) but only prints an evidence pack, lingua's models (~10 MB)
serve only the routing of a text, and the `holidays` package (~11 MB with its country modules) only a text
to a country closed on public holidays. A fresh interpreter is used: the test session has imported everything.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What every process of the project loads at start: the URLconf (a web worker's views; Celery's Django
# fixup loads it too, through the system checks) and every task module (the worker's parent, before it forks).
START = """
import json, sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns
from cartrecovery.celery import app
app.loader.import_default_modules()
from conversations import languages
print(json.dumps({
    "modules": sorted(m for m in ("fpdf", "fontTools", "PIL", "holidays") if m in sys.modules),
    "tasks": sorted(n for n in app.tasks if not n.startswith("celery.")),
    "language_models_built": languages._detector is not None,
}))
"""


def _started() -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", START], env=env, capture_output=True, text=True, timeout=90, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_started_process_loads_no_pdf_library_no_holiday_calendars_and_no_language_models():
    started = _started()

    assert started["tasks"], "the task modules were not imported: the check would prove nothing"
    assert started["modules"] == []
    assert started["language_models_built"] is False
