"""Screenshots of File → New project… and Project → Import articles…, on a virtual screen:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/shot_import.py

writes docs/new_project.png (the form with a schema file that has an error, as the lead sees it
while typing) and docs/import.png (the preview of the two seed articles, ../shared/seeds, with
the clean-up proposed on the first: the breadcrumb line and the other stories after the
article struck through, the headline marked).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

# The checkout first on sys.path: a non-editable install would otherwise be what is shot.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))

from annotator.core.new_project import create_project  # noqa: E402
from annotator.gui.app import application, build_main_window  # noqa: E402
from annotator.gui.import_dialog import ImportDialog  # noqa: E402
from annotator.gui.new_project_dialog import NewProjectDialog  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    app = application()
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "schema.json").write_text(
            '{"format": 1, "name": "study", "version": "1", "labels": [{"id": "a"}]}',
            encoding="utf-8")
        dialog = NewProjectDialog(folder)
        dialog.path_edit.setText(str(folder / "framing-2026"))
        dialog.name_edit.setText("Framing of chip exports 2026")
        dialog.file_radio.setChecked(True)
        dialog.schema_edit.setText(str(folder / "schema.json"))
        dialog.show()
        settle(app)
        dialog.check()
        settle(app)
        dialog.grab().save(str(docs / "new_project.png"))
        dialog.close()

        project = folder / "study.annot"
        create_project(project)
        window = build_main_window(project, "lead", if_open_elsewhere="read_only")
        importer = ImportDialog(window)
        importer.show()
        importer.add_paths(sorted(SEEDS.glob("*.txt")))
        settle(app)
        importer.panel.view.verticalScrollBar().setValue(0)
        settle(app)
        importer.grab().save(str(docs / "import.png"))
        importer.close()
        window.close()
        settle(app)
    print("wrote docs/new_project.png and docs/import.png")


if __name__ == "__main__":
    main()
