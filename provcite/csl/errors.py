"""Exceptions and warnings raised by the CSL engine."""


class StyleError(ValueError):
    """A style cannot be found or is not usable CSL; the message is one line."""


class CitationWarning(UserWarning):
    """A record lacks something a style needs, or a value could not be used."""
