"""Entry point of the frozen bundle (PyInstaller, `packaging/annotator.spec`).

The same as the `annotator` command: `annotator.cli.main()` opens the app or runs a subcommand.
main() calls multiprocessing.freeze_support() first, so the import command's worker processes
(which re-run this executable) do their work and exit instead of starting another app.
"""

from annotator.cli import main

if __name__ == "__main__":
    main()
