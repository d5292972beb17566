"""Errors the user can act on, told apart from bugs.

Every message is Chinese and names what was wrong and where; the CLI turns
these into exit code 2 and the GUI into a dialog, while anything else is a bug
and keeps its traceback.
"""


class UserError(Exception):
    """Bad input, an unknown id or a refused operation, explained in Chinese."""


class NotFoundError(UserError):
    """An id or name that does not exist in the store."""


class TemplateError(UserError):
    """A checklist template file that cannot be used."""

    def __init__(self, source: str, path: str, problem: str):
        self.source, self.path, self.problem = source, path, problem
        where = f"{source} 的 {path}" if path else source
        super().__init__(f"检查表模板无效：{where}：{problem}")


class FinalizedError(UserError):
    """An edit to a visit that has been finalized and not reopened."""
