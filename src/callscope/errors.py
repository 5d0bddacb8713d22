"""callscope's one error type: every failure a user can cause is reported through it.

The message is always one line naming the input and the reason, so the CLI can print it
as-is and a batch can list failures without tracebacks.
"""

from __future__ import annotations


class CallscopeError(Exception):
    """A problem with one input (or option) that the user can act on."""

    def __init__(self, source: str | None, reason: str) -> None:
        self.source = source
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{source}: {self.reason}" if source else self.reason)
