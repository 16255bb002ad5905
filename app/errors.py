"""One error tree for the whole application.

Every error the application expects derives from :class:`AppError`. The command line maps
:class:`ValidationError` (and its subclasses) to exit code 2 and anything else to exit code 1;
the windows turn each class into a Vietnamese message in ``ui/errors.py``.
"""


class AppError(Exception):
    """Base of every error the application expects and can explain."""


class ValidationError(AppError):
    """Bad input or a rule that refuses (CLI exit code 2)."""


class NotFoundError(ValidationError):
    """A named thing (dossier, procedure, counter...) does not exist."""


class RuleError(ValidationError):
    """The input is well formed but a business rule refuses the action."""


class StaleVersionError(ValidationError):
    """Another station changed the row since it was read ("changed by someone else")."""

    def __init__(self, what: str = "record") -> None:
        super().__init__(f"{what} was changed by someone else; reload and try again")
        self.what = what


class StoreError(AppError):
    """The database cannot be used as configured (network path, wrong schema revision...)."""


class SchemaMismatchError(StoreError):
    """The database schema revision differs from what this version of the code expects."""
