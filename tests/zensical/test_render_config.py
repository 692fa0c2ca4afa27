"""`widw render --config-uit`: a config Zensical builds as is (relative paths, its plugins)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from tests.site.fixtures import write_project
from widw.cli import cli
from widw.site.plainconfig import plain_config
from widw.site.publish import THEME_DIR

OPTS = {
    "remove_optional_attribute_quotes": False,
    "pre_tags": ["pre", "textarea", "code", "kbd"],  # white space counts there
}
"""The minify plugin's options in the written config (it does the widw plugin's trimming)."""


def render(project: Path, out: Path, config: Path) -> tuple[int, str]:
    args = ["render", "--map", str(project), "--out", str(out), "--config-uit", str(config)]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.output


def test_written_config_uses_relative_paths_and_the_copied_theme(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    work = tmp_path / "zensical"
    code, output = render(project, work / "docs", work / "mkdocs.yml")
    assert code == 0, output
    config = yaml.safe_load((work / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == f"docs/{THEME_DIR}"
    assert config["theme"]["variant"] == "classic"
    assert "site_dir" not in config
    assert str(tmp_path) not in (work / "mkdocs.yml").read_text(encoding="utf-8")
    assert (work / "docs" / THEME_DIR / "main.html").is_file()
    assert (work / "docs" / THEME_DIR / "partials" / "toc.html").is_file()
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    # The widw plugin is left out; minify drops the templates' indentation in its place.
    assert names == ["search", "tags", "minify"]
    assert config["plugins"][2] == {"minify": {"minify_html": True, "htmlmin_opts": OPTS}}
    assert config["plugins"][0] == {"search": {"enabled": False}}  # Pagefind searches
    assert "validation" not in config
    assert "instelling 'validation'" in output
    assert "Let op: Zensical" not in output  # (the site-address warning may show)


def test_mkdocs_only_plugins_and_options_are_left_out_and_named(tmp_path: Path) -> None:
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text(
        "site_name: x\n"
        "site_dir: /elders/site\n"
        "theme:\n  name: material\n  custom_dir: eigen\n"
        "plugins:\n"
        "  - search:\n      lang: nl\n      separator: '[ ]+'\n"
        "  - widw\n"
        "  - git-revision-date-localized\n"
        "  - material/tags\n",
        encoding="utf-8",
    )
    written = plain_config(mkdocs_yml, tmp_path / "uit" / "docs", tmp_path / "uit" / "z.yml")
    config = yaml.safe_load(written.text)
    assert config["plugins"] == [
        {"search": {"separator": "[ ]+"}},
        {
            "minify": {
                "minify_html": True,
                "htmlmin_opts": OPTS,
            }
        },
        "material/tags",
    ]
    assert config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == f"docs/{THEME_DIR}"
    assert "site_dir" not in config
    assert written.dropped == [
        "optie 'lang' van plugin 'search'",
        "plugin 'git-revision-date-localized'",
    ]


def test_a_folder_outside_the_config_folder_gets_a_warning(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project")
    code, output = render(project, tmp_path / "docs", tmp_path / "config" / "mkdocs.yml")
    assert code == 0, output
    config = yaml.safe_load((tmp_path / "config" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "../docs"
    assert "Let op: Zensical bouwt" in output
