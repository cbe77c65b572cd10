"""`python -m quoteattr.train`: the same as `quoteattr train`."""
import sys

from quoteattr.train.trainer import main

if __name__ == "__main__":
    sys.exit(main())
