"""``python -m quoteattr.eval``: the same run as ``quoteattr evaluate``."""
import sys

from quoteattr.eval.cli import main

if __name__ == "__main__":
    sys.exit(main())
