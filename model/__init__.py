"""quoteattr: find the quotations in a news article and who said them."""
from quoteattr.quote import Quote

__all__ = ["QuoteAttributor", "Quote"]


def __getattr__(name: str):
    # Lazy so that `import quoteattr` (and the CLI's --help) does not pay for torch.
    if name == "QuoteAttributor":
        from quoteattr.attributor import QuoteAttributor

        return QuoteAttributor
    raise AttributeError(name)
