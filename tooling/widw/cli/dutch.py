"""Dutch help headings and usage errors for click, which ships English text only."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

_ERRORS = (
    ("No such option", "Onbekende optie"),
    ("No such command", "Onbekend commando"),
    ("Missing argument", "Ontbrekend argument"),
    ("Missing option", "Ontbrekende optie"),
    ("requires an argument", "vraagt om een waarde"),
    ("Invalid value for", "Ongeldige waarde voor"),
    ("is not one of", "is niet een van"),
    ("Got unexpected extra argument", "Onverwacht extra argument"),
    ("Got unexpected extra arguments", "Onverwachte extra argumenten"),
    ("Did you mean", "Bedoelde je"),
    ("does not exist", "bestaat niet"),
    ("is not a valid integer", "is geen geheel getal"),
    ("is not in the range", "valt buiten het bereik"),
)


def translate(message: str) -> str:
    """Replace click's English phrases with Dutch ones."""
    for english, dutch in _ERRORS:
        message = message.replace(english, dutch)
    return message


HELP_TEXT = "Toon deze hulp en stop."


class DutchHelp(click.Command):
    """A command whose help reads 'Gebruik:' and 'Opties'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(
            ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "Gebruik: "
        )

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [
            rv
            for p in self.get_params(ctx)
            if isinstance(p, click.Option) and (rv := p.get_help_record(ctx))
        ]
        if rows:
            with formatter.section("Opties"):
                formatter.write_dl(rows)


class DutchGroup(click.Group):
    """A group with Dutch help and Dutch usage errors for all its commands."""

    command_class = DutchHelp

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "COMMANDO [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        DutchHelp.format_usage(self, ctx, formatter)  # type: ignore[arg-type]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        DutchHelp.format_options(self, ctx, formatter)  # type: ignore[arg-type]
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(60)))
        if rows:
            with formatter.section("Commando's"):
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        try:
            return super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            if exc.ctx is not None:
                click.echo(exc.ctx.get_usage().replace("Usage:", "Gebruik:"), err=True)
                click.echo(f"Probeer '{exc.ctx.command_path} --help' voor hulp.", err=True)
            click.echo(f"Fout: {translate(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"Fout: {translate(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Afgebroken.", err=True)
            sys.exit(130)
