"""The house rules of docs/architecture.md, checked on the import graph of the code.

The analysis is tools/architecture_report.py's (the same numbers the report prints).
"""

import re
import sys
from importlib.metadata import packages_distributions

import pytest

from tools.architecture_report import ROOT, analyse

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def analysis():
    return analyse()


def test_no_import_cycles_even_through_imports_inside_functions(analysis):
    assert analysis.latent_cycles() == []


def test_no_imports_inside_functions_but_app_ready(analysis):
    assert analysis.function_imports == []


def test_core_never_imports_a_domain_app(analysis):
    assert analysis.core_to_domain() == []


def requirement_names(filename):
    """Distribution names a requirements file declares, following `-r` includes."""
    names = set()
    for line in (ROOT / filename).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r"):
            names |= requirement_names(line[2:].strip())
        elif line:
            names.add(canonical(re.split(r"[\[<>=!~;\s]", line, maxsplit=1)[0]))
    return names


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


# Modules installed only with an extra requirements file; the rest need requirements.txt.
OPTIONAL_MODULES = {
    "site_core.demo": "requirements-dev.txt",  # the demo runs on developers' machines
    "site_core.files.storage_s3": "requirements-s3.txt",  # media in an S3 bucket
}


# Import names of packages that need not be installed where the tests run.
NOT_INSTALLED = {"storages": "django-storages"}


def requirements_for(module):
    for prefix, filename in OPTIONAL_MODULES.items():
        if module == prefix or module.startswith(prefix + "."):
            return filename
    return "requirements.txt"


def test_every_imported_package_is_declared(analysis):
    distributions = packages_distributions()
    missing = {}
    for top, importers in analysis.external_imports.items():
        if top in sys.stdlib_module_names or top == "__future__":
            continue
        for module in importers:
            declared = requirement_names(requirements_for(module))
            if (
                not {
                    canonical(name)
                    for name in distributions.get(top, [NOT_INSTALLED.get(top, top)])
                }
                & declared
            ):
                missing.setdefault(top, []).append(module)
    assert missing == {}
