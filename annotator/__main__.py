"""`python -m annotator` runs the same command as `annotator`."""

from annotator.launch import main

if __name__ == "__main__":
    main()
