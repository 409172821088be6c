"""Entry point of the frozen bundle (PyInstaller, `packaging/annotator.spec`).

The same as the `annotator` command: `annotator.launch.main()` opens the app, or hands the
command line to `annotator.cli` for a subcommand. main() calls multiprocessing.freeze_support()
first, so the import command's worker processes (which re-run this executable) do their work and
exit instead of starting another app.
"""

from annotator.launch import main

if __name__ == "__main__":
    main()
