class ApplicationError(Exception):
    """A business rule said no. Views turn it into a 400 with `message` and `extra`."""

    def __init__(self, message: str, *, extra: dict | None = None, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
        self.code = code
