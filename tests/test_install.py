"""The installed package (not the checkout) finds its schemas, sample articles and the Japanese
interface.

Run from a neutral folder so the checkout is not on sys.path: in CI, where the project is
installed with `pip install .`, this imports the copy in site-packages.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_installed_package_finds_its_data(tmp_path: Path):
    code = (
        "import annotator, json\n"
        "from annotator.core.schema import default_schema, _validator\n"
        "from annotator.core.demo import sample_texts\n"
        "from annotator.gui.language import translations_folder\n"
        "_validator()\n"
        "qm = translations_folder() / 'annotator_ja.qm'\n"
        "print(json.dumps([annotator.__file__, default_schema().label_ids,"
        " len(sample_texts()), qm.is_file()]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    import json

    location, labels, samples, japanese = json.loads(result.stdout)
    assert labels == ["security_concern", "economic_interest", "self_reliance"]
    assert samples == 5
    assert japanese  # the compiled Japanese interface is package data
    assert Path(location).name == "__init__.py"
