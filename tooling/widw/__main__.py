"""`python -m widw` runs the command-line interface."""

from widw.cli import main

main()
