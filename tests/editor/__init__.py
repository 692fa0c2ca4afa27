"""Tests of the editor workflow: widw new, the contribution guide, GitHub and pre-commit files."""
