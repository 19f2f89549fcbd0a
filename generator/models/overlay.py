"""Overlay files of a local edition: explicit add, replace, remove and tree patches, by id.

An edition folder mirrors ``content/`` and ``flowcharts/``. A file there never
silently shadows its base: it says what it does.

- ``content/sections/<id>.yaml``, ``content/scenarios/<id>.yaml``, ``flowcharts/<id>.yaml``:
  one operation: ``add: {item}``, ``replace: {item}`` with ``base_hash``, ``remove: <id>``,
  or (trees only) ``patch: [node patches]`` with ``base_hash``.
- ``content/contacts.yaml`` and ``content/sources.yaml``: lists of such operations under
  ``roles``, ``contacts`` and ``sources``.

``base_hash`` is the short hash of the base item as it was when the edition changed it
(``safeguide diff`` prints it); when the base moves on, ``check`` reports drift.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from pydantic import Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from generator.models.common import Basis, ContentModel, Id, Line, Markdown, Text
from generator.models.contact import Contact, Role
from generator.models.scenario import Scenario
from generator.models.section import Section
from generator.models.source import Source
from generator.models.tree import Answer, DecisionTree, Node, NodeFields

T = TypeVar("T", bound=ContentModel)

ShortHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}$")]
"""First 8 hex digits of the SHA-256 of an item's canonical JSON."""

OPERATIONS = ("add", "replace", "remove")


def _exactly_one(data: Any, names: tuple[str, ...]) -> Any:
    if isinstance(data, dict):
        present = [name for name in names if data.get(name) is not None]
        if len(present) != 1:
            found = ", ".join(present) if present else "none"
            raise PydanticCustomError(
                "overlay-operation",
                "expected exactly one of {names}, got {found}",
                {"names": ", ".join(names), "found": found},
            )
        if present[0] in ("replace", "patch") and not data.get("base_hash"):
            raise PydanticCustomError(
                "overlay-operation",
                "expected base_hash (the short hash `safeguide diff` prints for the base item) "
                "with {operation}, got none",
                {"operation": present[0]},
            )
    return data


class Operation(ContentModel, Generic[T]):
    """Add a new item, replace a base item (recording its hash), or remove a base item."""

    add: T | None = None
    replace: T | None = None
    remove: Id | None = None
    base_hash: ShortHash | None = Field(
        default=None, description="Short hash of the base item this edition changed."
    )

    @model_validator(mode="before")
    @classmethod
    def _one_operation(cls, data: Any) -> Any:
        return _exactly_one(data, OPERATIONS)

    @property
    def kind(self) -> str:
        """``add``, ``replace`` or ``remove``."""
        return next(name for name in OPERATIONS if getattr(self, name) is not None)

    @property
    def target_id(self) -> str:
        """Id of the item added, replaced or removed."""
        item = self.add or self.replace
        return item.id if item is not None else str(self.remove)  # type: ignore[attr-defined]


class NodeChanges(ContentModel):
    """New values for some fields of an existing node; fields left out are kept."""

    text: Text | None = None
    detail: Markdown | None = None
    basis: Basis | None = None
    actions: list[Line] | None = None
    contacts: list[Id] | None = Field(default=None, description="Rebind the node's contacts.")
    sections: list[Id] | None = None
    urgent: bool | None = None
    facts: list[Id] | None = Field(default=None, description="Replace the node's facts.")


class InsertedStep(NodeFields):
    """A step inserted around an existing node; where it leads is worked out from the patch."""

    actions: list[Line] = Field(default_factory=list)


class AnswerChange(ContentModel):
    """Change the answer labelled ``label``: its label, where it leads, or both."""

    label: Line
    new_label: Line | None = None
    next: Id | None = None
    facts: list[Id] | None = Field(default=None, description="Replace the answer's facts.")


PATCH_ACTIONS = ("set", "add_answer", "change_answer", "insert_before", "insert_after", "add_node")


class NodePatch(ContentModel):
    """One change to a base tree.

    ``node`` names the node for ``set``, ``add_answer`` and ``change_answer``;
    ``insert_before``/``insert_after`` name the node a new ``step`` goes around;
    ``add_node`` adds a node (for example an outcome a new answer leads to).
    """

    node: Id | None = None
    set: NodeChanges | None = None
    add_answer: Answer | None = None
    change_answer: AnswerChange | None = None
    insert_before: Id | None = None
    insert_after: Id | None = None
    step: InsertedStep | None = Field(default=None, description="The step to insert.")
    add_node: Node | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_action(cls, data: Any) -> Any:
        data = _exactly_one(data, PATCH_ACTIONS)
        if isinstance(data, dict):
            action = next(name for name in PATCH_ACTIONS if data.get(name) is not None)
            needs_node = action in ("set", "add_answer", "change_answer")
            if needs_node and not data.get("node"):
                raise PydanticCustomError(
                    "overlay-operation",
                    "expected node: <id> with {action}, got none",
                    {"action": action},
                )
            inserting = action in ("insert_before", "insert_after")
            if inserting != (data.get("step") is not None):
                raise PydanticCustomError(
                    "overlay-operation",
                    "expected step: {{...}} exactly with insert_before or insert_after",
                )
        return data

    @property
    def action(self) -> str:
        """Which of the patch actions this is."""
        return next(name for name in PATCH_ACTIONS if getattr(self, name) is not None)


class SectionOverlay(Operation[Section]):
    """A section added, replaced or removed by an edition."""


class ScenarioOverlay(Operation[Scenario]):
    """A scenario added, replaced or removed by an edition."""


class TreeOverlay(Operation[DecisionTree]):
    """A tree added, replaced, removed, or patched node by node."""

    patch: list[NodePatch] | None = Field(default=None, min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _one_operation(cls, data: Any) -> Any:
        return _exactly_one(data, (*OPERATIONS, "patch"))

    @property
    def kind(self) -> str:
        return "patch" if self.patch is not None else super().kind


class ContactsOverlay(ContentModel):
    """Roles and contacts added, replaced or removed by an edition."""

    roles: list[Operation[Role]] = Field(default_factory=list)
    contacts: list[Operation[Contact]] = Field(default_factory=list)


class SourcesOverlay(ContentModel):
    """Sources added, replaced or removed by an edition."""

    sources: list[Operation[Source]] = Field(default_factory=list)
