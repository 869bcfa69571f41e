"""``python -m provcite``."""

from provcite.cli import main

main()
