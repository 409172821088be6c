"""The coders' bundle, as far as it can be checked without building it.

The spec and its hooks (read with stand-ins for PyInstaller), the entry point, the log folder,
a program without a console (sys.stdout and sys.stderr None, as in a windowed build: in a
subprocess), the crash handler, and the tokenizer's dictionary in awkward folders. `.ci/run`
builds the real bundle and runs its selfcheck.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from annotator.core import logs, tokenizer
from annotator.core.errors import AnnotatorError

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "annotator.spec"
HOOKS = PACKAGING / "pyinstaller-hooks"


def load(path: Path, name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- entry point and spec ---------------------------------------------------------------------


def test_entry_point_runs_the_launch_main():
    """The bundle starts as `annotator` does (pyproject's script): annotator.launch.main."""
    tree = ast.parse((PACKAGING / "entry.py").read_text(encoding="utf-8"))
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom)]
    assert [(n.module, [a.name for a in n.names]) for n in imports] == \
        [("annotator.launch", ["main"])]
    source = ast.unparse(tree)
    assert "if __name__ == '__main__':\n    main()" in source
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'annotator = "annotator.launch:main"' in project


def test_cli_main_calls_freeze_support_before_anything_else():
    source = (ROOT / "annotator" / "cli.py").read_text(encoding="utf-8")
    main = source[source.index("def main("):]
    assert main.index("freeze_support()") < main.index("cli.main(")
    source = (ROOT / "annotator" / "launch.py").read_text(encoding="utf-8")
    start = source[source.index("def start("):source.index("def main(")]
    assert start.index("freeze_support()") < start.index("app_arguments(args)")
    main = source[source.index("def main("):]
    assert main.index("start(args)") < main.index("cli_main(")


class Recorder:
    """Stands in for PyInstaller's Analysis, PYZ, EXE, COLLECT and BUNDLE."""

    made: list[Recorder] = []

    def __init__(self, kind: str, *args, **kwargs):
        self.kind, self.args, self.kwargs = kind, args, kwargs
        Recorder.made.append(self)
        if kind == "Analysis":
            self.binaries = [
                (dest + "/" + Path(src).name, src, "BINARY") for src, dest in kwargs["binaries"]
            ] + [
                ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x", "BINARY"),
                ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/x", "BINARY"),
                ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x", "BINARY"),
                ("PySide6/Qt/plugins/imageformats/libqpdf.so", "/x", "BINARY"),
                ("PySide6/opengl32sw.dll", "/x", "BINARY"),
            ]
            self.datas = [(dest + "/" + Path(src).name, src, "DATA") for src, dest in kwargs["datas"]]
            self.datas += [(f"PySide6/Qt/translations/{name}", "/x", "DATA")
                           for name in ("qtbase_ja.qm", "qtbase_de.qm", "qt_help_ja.qm")]
            self.pure, self.scripts = [], []


@pytest.fixture
def spec_run(monkeypatch: pytest.MonkeyPatch):
    """Execute the spec with PyInstaller's build classes and hook helpers replaced."""
    calls: dict[str, list] = {"collect_data_files": [], "collect_dynamic_libs": []}

    def collect_data_files(package, excludes=None, **kw):
        calls["collect_data_files"].append((package, excludes))
        return [("/site/unidic_lite/dicdir/sys.dic", "unidic_lite/dicdir")]

    def collect_dynamic_libs(package, **kw):
        calls["collect_dynamic_libs"].append(package)
        return [("/site/fugashi.libs/libmecab.so.2", "fugashi.libs")]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = collect_data_files
    hooks.collect_dynamic_libs = collect_dynamic_libs
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    Recorder.made = []
    namespace = {"SPECPATH": str(PACKAGING), "__name__": "__main__", "__file__": str(SPEC)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = (lambda k: lambda *a, **kw: Recorder(k, *a, **kw))(kind)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return Recorder.made, calls


def test_spec_compiles():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_spec_bundles_the_app_its_data_and_the_dictionary(spec_run):
    made, calls = spec_run
    (analysis,) = [r for r in made if r.kind == "Analysis"]
    (script,) = analysis.args[0]
    assert Path(script) == PACKAGING / "entry.py"
    kw = analysis.kwargs
    dests = {(Path(src).name, dest) for src, dest in kw["datas"]}
    for schema in (ROOT / "schemas").glob("*.json"):
        assert (schema.name, "annotator/schemas") in dests
    samples = list((ROOT / "resources" / "samples").glob("*.txt"))
    assert samples
    for sample in samples:
        assert (sample.name, "annotator/resources/samples") in dests
    assert ("annotator_ja.qm", "annotator/resources/i18n") in dests  # the Japanese interface
    assert ("sys.dic", "unidic_lite/dicdir") in dests
    (package, excludes), = calls["collect_data_files"]
    assert package == "unidic_lite" and any("unidic-mecab.pdf" in e for e in excludes)
    assert calls["collect_dynamic_libs"] == ["fugashi"]
    assert {"shlex", "annotator.cli", "annotator.schemas", "annotator.resources",
            "annotator.resources.samples"} <= set(kw["hiddenimports"])
    from annotator.core.interchange import FORMATS  # imported by name: hidden from analysis

    assert {f"annotator.core.interchange.{f.module}" for f in FORMATS} <= set(kw["hiddenimports"])
    for module in ("numpy", "pandas", "tkinter", "PySide6.QtNetwork", "PySide6.QtQml",
                   "PySide6.QtQuick", "PySide6.QtWebEngineCore", "pytest"):
        assert module in kw["excludes"]
    assert [Path(p) for p in kw["hookspath"]] == [HOOKS]
    assert kw["pathex"] == [str(ROOT)]


def test_spec_leaves_out_unused_qt_parts(spec_run):
    made, _ = spec_run
    (analysis,) = [r for r in made if r.kind == "Analysis"]
    kept = {dest for dest, _, _ in analysis.binaries + analysis.datas}
    assert "PySide6/Qt/lib/libQt6Widgets.so.6" in kept
    assert "PySide6/Qt/plugins/platforms/libqxcb.so" in kept
    # Qt's own Japanese (OK, Cancel, the file dialog) for the Japanese interface; no other
    assert "PySide6/Qt/translations/qtbase_ja.qm" in kept
    for gone in ("PySide6/Qt/plugins/tls/libqopensslbackend.so",
                 "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/opengl32sw.dll",
                 "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qt_help_ja.qm"):
        assert gone not in kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Debian font is Linux's")
def test_spec_bundles_a_japanese_font_with_its_licence_where_the_app_looks(
    spec_run, monkeypatch: pytest.MonkeyPatch
):
    import annotator
    from annotator.gui.japanese_font import FONT_DIR_ENV, bundled_font_folder

    made, _ = spec_run
    (collect,) = [r for r in made if r.kind == "COLLECT"]
    font = ("annotator/fonts/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "DATA")
    licence = ("annotator/fonts/LICENSE-NotoSansCJK.txt",
               "/usr/share/doc/fonts-noto-cjk/copyright", "DATA")
    assert font in collect.args[3] and licence in collect.args[3]  # (gui, cli, binaries, datas)
    assert "SIL OPEN FONT LICENSE Version 1.1" in Path(licence[1]).read_text(encoding="utf-8")
    # in the bundle, _internal/annotator/ is the package's folder: the app finds the font there
    monkeypatch.delenv(FONT_DIR_ENV, raising=False)
    package = Path(annotator.__file__).resolve().parent
    assert package.parent / Path(font[0]).parent == bundled_font_folder()


def test_a_missing_font_stops_the_build_with_one_line_naming_the_package(tmp_path: Path):
    bundled_font = load(PACKAGING / "bundled_font.py", "annotator_bundled_font_test")
    with pytest.raises(SystemExit) as stop:
        bundled_font.toc(tmp_path, platform="linux")
    message = str(stop.value.code)
    assert "\n" not in message and "fonts-noto-cjk" in message
    assert str(tmp_path / bundled_font.FONT) in message
    font = tmp_path / bundled_font.FONT
    font.parent.mkdir(parents=True)
    font.write_bytes(b"font")
    with pytest.raises(SystemExit) as stop:  # the licence must come with it
        bundled_font.toc(tmp_path, platform="linux")
    assert str(tmp_path / bundled_font.COPYRIGHT) in str(stop.value.code)
    licence = tmp_path / bundled_font.COPYRIGHT
    licence.parent.mkdir(parents=True)
    licence.write_text("License: SIL-1.1", encoding="utf-8")
    assert bundled_font.toc(tmp_path, platform="linux") == [
        ("annotator/fonts/NotoSansCJK-Regular.ttc", str(font), "DATA"),
        ("annotator/fonts/LICENSE-NotoSansCJK.txt", str(licence), "DATA"),
    ]
    assert bundled_font.toc(tmp_path / "nothing", platform="win32") == []  # Windows has its own


def test_spec_makes_a_onedir_bundle_with_a_windowed_and_a_console_program(spec_run):
    made, _ = spec_run
    exes = {r.kwargs["name"]: r.kwargs for r in made if r.kind == "EXE"}
    assert set(exes) == {"annotator", "annotator-cli"}
    assert exes["annotator"]["console"] is False and exes["annotator-cli"]["console"] is True
    assert all(kw["exclude_binaries"] for kw in exes.values())  # onedir: files beside, not inside
    (collect,) = [r for r in made if r.kind == "COLLECT"]
    assert collect.kwargs["name"] == "annotator"
    assert [r.kind for r in made if r.kind == "BUNDLE"] == (["BUNDLE"] if sys.platform == "darwin" else [])


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/translations/qtbase_ja.qm", True),  # the Japanese interface's OK, Cancel
        ("PySide6/translations/qtbase_ja.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_ja.qm", False),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", True),
        ("PySide6\\Qt6Widgets.dll", True),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6\\d3dcompiler_47.dll", False),
        ("PySide6/QtWidgets.abi3.so", True),
        ("unidic_lite/dicdir/sys.dic", True),
        ("annotator/schemas/framing.json", True),
    ],
)
def test_qt_parts(dest: str, kept: bool):
    qt_parts = load(HOOKS / "qt_parts.py", "annotator_qt_parts_test")
    assert qt_parts.kept(dest) is kept


def test_qt_hooks_replace_pyinstallers_for_the_three_modules_used():
    for module in ("QtCore", "QtGui", "QtWidgets"):
        text = (HOOKS / f"hook-PySide6.{module}.py").read_text(encoding="utf-8")
        assert "qt_parts.collect(__file__)" in text
    used = set()
    for path in (ROOT / "annotator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module)
    assert used <= {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"}, (
        f"the app now uses {sorted(used)}: add their hooks and check packaging/annotator.spec"
    )


def test_package_data_subpackages_are_found_in_the_repository_root():
    hook = load(HOOKS / "pre_safe_import_module" / "hook-annotator.py", "annotator_pre_hook")
    added = []
    hook.pre_safe_import_module(types.SimpleNamespace(append_package_path=added.append))
    assert [Path(p) for p in added] == [ROOT]
    for package in ("schemas", "resources", "resources/samples"):
        assert (ROOT / package / "__init__.py").is_file()


# --- log folder and a program without a console ----------------------------------------------


def test_log_dir_follows_the_home_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from annotator.core import demo

    assert logs.HOME_ENV == demo.HOME_ENV
    monkeypatch.setenv(logs.HOME_ENV, str(tmp_path / "ホーム dir"))
    assert logs.log_dir() == tmp_path / "ホーム dir" / "logs"
    monkeypatch.delenv(logs.HOME_ENV)
    import platformdirs

    assert logs.log_dir() == Path(platformdirs.user_log_dir("FramingAnnotator", appauthor=False))


def run_without_console(code: str, home: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter whose sys.stdout and sys.stderr are None."""
    prelude = "import sys\nsys.stdout = None\nsys.stderr = None\n"
    env = dict(os.environ, FRAMING_ANNOTATOR_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)], env=env, capture_output=True,
        timeout=timeout,
    )


def test_cli_and_logging_without_a_console(tmp_path: Path):
    home = tmp_path / "ホーム dir"
    result = run_without_console(
        """
        import logging
        import click
        from annotator.cli import main
        from annotator.core.logs import has_console, setup_logging

        try:
            main(["articles", "no such 記事.annot"])
        except SystemExit as exc:
            code = exc.code
        print("printed", code, has_console())
        click.echo("echoed 日本語")
        setup_logging()
        logging.getLogger("annotator.test").warning("logged 警告")
        """,
        home,
    )
    assert result.returncode == 0, result
    console = (home / "logs" / "console.log").read_text(encoding="utf-8")
    assert "Error: no such 記事.annot" in console
    assert "printed 1 False" in console and "echoed 日本語" in console
    log = (home / "logs" / "annotator.log").read_text(encoding="utf-8")
    assert "WARNING annotator.test: logged 警告" in log


def test_a_run_that_prints_nothing_leaves_no_console_log(tmp_path: Path):
    home = tmp_path / "home"
    result = run_without_console(
        "from annotator.core.logs import ensure_streams, has_console\n"
        "assert ensure_streams() is False and has_console() is False",
        home,
    )
    assert result.returncode == 0
    assert not (home / "logs").exists()


def test_selfcheck_without_a_console_writes_its_report_to_the_log_folder(tmp_path: Path):
    home = tmp_path / "ホーム dir"
    result = run_without_console(
        "from annotator.cli import main\nmain(['selfcheck'])", home, timeout=300
    )
    assert result.returncode == 0, (home / "logs" / "console.log").read_text(encoding="utf-8")
    report = (home / "logs" / "selfcheck.txt").read_text(encoding="utf-8")
    assert report.rstrip().endswith("selfcheck passed")


def test_unexpected_error_in_the_app_is_shown_and_logged(tmp_path: Path):
    """A windowed start (`annotator`, no console) whose slot raises: a message box naming the
    log file, the traceback in the log; the same error again is logged, not shown again."""
    home = tmp_path / "ホーム dir"
    out = tmp_path / "seen.json"
    result = run_without_console(
        f"""
        import json
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from annotator.cli import main
        from annotator.gui.app import application

        application()
        seen = []

        def boom():
            raise RuntimeError("slot went wrong 失敗")

        def answer():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer)
                return
            seen.append({{"text": box.text(), "details": box.detailedText()}})
            box.accept()
            QTimer.singleShot(0, boom)  # the same error again
            QTimer.singleShot(300, finish)

        def finish():
            Path({str(out)!r}).write_text(json.dumps(seen), encoding="utf-8")
            QApplication.closeAllWindows()

        QTimer.singleShot(100, boom)
        QTimer.singleShot(120, answer)
        main(["open", "--coder", "tester"])
        """,
        home,
    )
    assert result.returncode == 0, result
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert len(seen) == 1
    log_path = home / "logs" / "annotator.log"
    assert "RuntimeError: slot went wrong 失敗" in seen[0]["text"]
    assert str(log_path) in seen[0]["text"]
    assert "in boom" in seen[0]["details"]
    log = log_path.read_text(encoding="utf-8")
    assert log.count("RuntimeError: slot went wrong 失敗") == 2
    assert "Framing Annotator" in log and "started" in log


def test_crash_handler_shows_a_user_error_as_its_message(monkeypatch: pytest.MonkeyPatch):
    from annotator.gui import crash

    shown = []
    monkeypatch.setattr(crash, "show_error", lambda text, details: shown.append(text))
    monkeypatch.setattr(crash, "_shown", set())
    try:
        raise AnnotatorError("x.annot: the project file is locked by another program")
    except AnnotatorError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)
    assert shown == ["x.annot: the project file is locked by another program"]


# --- the dictionary in awkward folders --------------------------------------------------------


def dictionary_in(folder: Path) -> Path:
    """unidic-lite's dictionary in ``folder`` (linked where the system allows, else copied)."""
    import unidic_lite

    folder.mkdir(parents=True)
    for entry in Path(unidic_lite.DICDIR).iterdir():
        if entry.suffix == ".pdf":
            continue
        try:
            os.symlink(entry, folder / entry.name)
        except OSError:
            shutil.copy2(entry, folder / entry.name)
    return folder


def check_tagger(dicdir: Path) -> None:
    before = tokenizer._tagger.cache_info()
    tagger = tokenizer.build_tagger(tokenizer._SURFACES_FORMAT, dicdir)
    assert tagger.parse("安全保障上の懸念") == "安全\x1e保障\x1e上\x1eの\x1e懸念\x1e|"
    assert Path(tagger.dictionary_info[0]["filename"]).parent == dicdir
    # the module's own taggers are untouched: same cache, still on unidic-lite's folder
    assert tokenizer._tagger.cache_info().currsize == before.currsize
    assert [t.surface for t in tokenizer.tokenize("安全保障")] == ["安全", "保障"]


def test_tagger_reads_a_dictionary_in_a_folder_with_spaces_and_japanese(tmp_path: Path):
    check_tagger(dictionary_in(tmp_path / "イン ストール" / "辞書 dicdir"))


@pytest.mark.skipif(sys.platform == "win32", reason='Windows file names cannot hold "')
def test_tagger_reads_a_dictionary_in_a_folder_with_quotes(tmp_path: Path):
    check_tagger(dictionary_in(tmp_path / 'say "はい"' / "it's $HOME \\ dir"))


def test_module_tagger_uses_unidic_lite_by_path():
    import unidic_lite

    info = tokenizer._tagger().dictionary_info[0]
    assert Path(info["filename"]).parent == Path(unidic_lite.DICDIR)


def test_missing_dictionary_is_a_clear_error(tmp_path: Path):
    folder = tmp_path / "空 folder"
    folder.mkdir()
    with pytest.raises(AnnotatorError) as err:
        tokenizer.build_tagger("", folder)
    assert str(folder) in str(err.value) and "sys.dic" in str(err.value)


def test_ci_builds_the_bundle_with_the_documented_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Building the coders' bundle", 1)[1].split("\n## ", 1)[0]
    (command,) = [line for line in section.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
                  if line.strip()]
    assert command == "python -m PyInstaller packaging/annotator.spec --noconfirm --clean"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ".venv/bin/" + command in ci
    assert any(line.startswith("dist/annotator/annotator selfcheck --report ") for line in ci)


def test_a_bad_project_opened_without_a_console_is_refused_in_a_message_box(tmp_path: Path):
    home = tmp_path / "home"
    bad = tmp_path / "壊れた study.annot"
    bad.write_bytes(b"not a project file" * 100)
    out = tmp_path / "seen.txt"
    result = run_without_console(
        f"""
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from annotator.cli import main
        from annotator.gui.app import application

        application()

        def answer():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, answer)
                return
            Path({str(out)!r}).write_text(box.text(), encoding="utf-8")
            box.accept()

        QTimer.singleShot(50, answer)
        main([{str(bad)!r}])
        """,
        home,
    )
    assert result.returncode == 1
    shown = out.read_text(encoding="utf-8")
    assert str(bad) in shown
    assert shown in (home / "logs" / "console.log").read_text(encoding="utf-8")
