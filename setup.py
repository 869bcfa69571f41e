"""Build hook: ship the repository's ``styles/`` inside the package as ``provcite/csl/styles/``
(a source checkout reads ``styles/`` directly). Everything else is in ``pyproject.toml``."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithStyles(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "provcite" / "csl" / "styles"
        target.mkdir(parents=True, exist_ok=True)
        for path in Path(__file__).resolve().parent.joinpath("styles").iterdir():
            if path.is_file():
                shutil.copy2(path, target / path.name)


setup(cmdclass={"build_py": BuildPyWithStyles})
