"""The ``provcite`` command line: a thin typer layer over the library API."""

from __future__ import annotations

import importlib
import importlib.util

import typer

from provcite.cli import catalog as catalog_cmd
from provcite.cli import parse as parse_cmd

app = typer.Typer(
    name="provcite",
    help="Citation and provenance manager for FRUS documents: parse, cite, export, audit, library.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("parse")(parse_cmd.parse)
app.command("note")(parse_cmd.note)
app.add_typer(catalog_cmd.app, name="catalog")

# Command groups of the other pipeline stages register themselves through ``register(app)``.
for _name in ("cite", "export", "audit", "library"):
    if importlib.util.find_spec(f"provcite.cli.{_name}") is not None:
        importlib.import_module(f"provcite.cli.{_name}").register(app)


def main() -> None:
    """Console-script entry point."""
    app()
