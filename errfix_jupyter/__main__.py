"""``python -m errfix_jupyter`` is the ``errfix`` command."""

import sys

from .cli import main

sys.exit(main())
