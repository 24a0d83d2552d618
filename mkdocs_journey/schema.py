"""The source format as data: every key of every record, its kind and its meaning.

The reader checks files against these shapes, and the JSON Schema and the format
reference are written from them, so the three cannot drift apart.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a key holds."""

    ID = "id"
    TEXT = "text"
    MARKDOWN = "markdown"
    REF = "ref"
    REFS = "refs"
    TEXTS = "texts"
    SCORE = "score"
    DATE = "date"
    TARGET = "target"
    RECORD = "record"
    RECORDS = "records"


@dataclass(frozen=True)
class Key:
    """One key of a record."""

    kind: Kind
    doc: str
    required: bool = False
    shape: Shape | None = None
    refers_to: str = ""
    attribute: str = ""
    """The model's field for this key, when it is not named as the key (`persona` is
    read into `Journey.personas`)."""


@dataclass(frozen=True)
class Shape:
    """A record: its keys and, for records that may be written as a bare string, the
    key that string fills."""

    name: str
    keys: dict[str, Key]
    string_fills: str = ""
    derives_id: bool = field(default=False)

    @functools.cached_property
    def attributes(self) -> tuple[tuple[str, str], ...]:
        """(key, model field) for the keys read into a field of another name."""
        return tuple((name, key.attribute) for name, key in self.keys.items() if key.attribute)

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        """The keys a record of this shape must have."""
        return tuple(name for name, key in self.keys.items() if key.required)


def _entity(name: str, keys: dict[str, Key], doc: str = "display name") -> Shape:
    head = {
        "id": Key(Kind.ID, "identifier; derived from `name` when omitted"),
        "name": Key(Kind.TEXT, doc, required=True),
    }
    return Shape(name, head | keys, derives_id=True)


DEPARTMENT = _entity(
    "department",
    {
        "description": Key(Kind.MARKDOWN, "what the department does"),
        "lead": Key(Kind.TEXT, "person or role accountable"),
        "contact": Key(Kind.TEXT, "e-mail, chat channel, ..."),
        "reviewers": Key(
            Kind.TEXTS, "code-review handles to ask when a change touches this department"
        ),
    },
)
TOUCHPOINT = _entity(
    "touchpoint",
    {
        "channel": Key(Kind.TEXT, "web, email, phone, in person, chat, app, event, ..."),
        "owner": Key(Kind.REF, "department that owns the touchpoint", refers_to="department"),
        "description": Key(Kind.MARKDOWN, "what the customer finds there"),
    },
)
EVIDENCE = Shape(
    "evidence",
    {
        "source": Key(Kind.TEXT, "where the knowledge comes from", required=True),
        "kind": Key(Kind.TEXT, "interviews, survey, market data, analytics, ..."),
        "date": Key(Kind.TEXT, "when it was gathered"),
        "link": Key(Kind.TEXT, "where to read it"),
    },
    string_fills="source",
)
PERSONA = _entity(
    "persona",
    {
        "description": Key(Kind.MARKDOWN, "who the customer is"),
        "success": Key(Kind.MARKDOWN, "what success means in this customer's eyes"),
        "evidence": Key(Kind.RECORDS, "research this persona is grounded in", shape=EVIDENCE),
    },
)
PHASE = _entity(
    "phase",
    {"description": Key(Kind.MARKDOWN, "what the customer's relation to the service is")},
)
METRIC = _entity(
    "metric",
    {
        "description": Key(Kind.MARKDOWN, "what the metric measures and how"),
        "unit": Key(Kind.TEXT, "shown after values: %, days, BRL, ..."),
        "owner": Key(Kind.REF, "department that answers for the metric", refers_to="department"),
        "target": Key(
            Kind.TARGET, "the latest value compared with a number: >= 18, <= 2, > 0, < 5, = 100"
        ),
    },
)
REVIEW = Shape(
    "review",
    {
        "date": Key(Kind.DATE, "the day of the review, YYYY-MM-DD", required=True),
        "by": Key(Kind.TEXT, "who reviewed the journey"),
    },
    string_fills="date",
)
FRONTSTAGE = Shape(
    "frontstage",
    {
        "name": Key(Kind.TEXT, "the work the customer sees", required=True),
        "department": Key(Kind.REF, "department that does it", refers_to="department"),
    },
    string_fills="name",
)
BACKSTAGE = Shape(
    "backstage",
    {
        "name": Key(Kind.TEXT, "the work", required=True),
        "department": Key(Kind.REF, "department that does it", refers_to="department"),
        "systems": Key(Kind.TEXTS, "systems involved (CRM, ERP, ...)"),
    },
    string_fills="name",
)
MILESTONE = _entity(
    "milestone",
    {
        "value": Key(Kind.MARKDOWN, "what the customer gets"),
        "signal": Key(Kind.MARKDOWN, "how we know it was reached"),
        "target": Key(Kind.TEXT, "when it should be reached, e.g. within 14 days"),
        "when_stuck": Key(Kind.MARKDOWN, "what to do when a customer does not get there"),
    },
)
STEP = _entity(
    "step",
    {
        "description": Key(Kind.MARKDOWN, "what the customer does"),
        "touchpoints": Key(Kind.REFS, "touchpoints used", refers_to="touchpoint"),
        "departments": Key(Kind.REFS, "departments involved", refers_to="department"),
        "owner": Key(
            Kind.REF,
            "department leading the step; defaults to the first of `departments`",
            refers_to="department",
        ),
        "experience": Key(Kind.SCORE, "how the customer feels, 1 to 5 (5 = delighted)"),
        "frontstage": Key(
            Kind.RECORDS,
            "what employees do that the customer sees (the demo call, the on-site visit)",
            shape=FRONTSTAGE,
        ),
        "backstage": Key(Kind.RECORDS, "work invisible to the customer", shape=BACKSTAGE),
        "thoughts": Key(
            Kind.TEXTS, "what customers think or say here, ideally verbatim from research"
        ),
        "metrics": Key(Kind.REFS, "metrics that measure the step", refers_to="metric"),
        "pain_points": Key(Kind.TEXTS, "what hurts the customer here"),
        "opportunities": Key(Kind.TEXTS, "hotspots: what could be better"),
        "next": Key(
            Kind.REFS,
            "following steps (`step` or `journey/step`); default: the following step; "
            "`[]` ends the path",
            refers_to="step",
        ),
        "milestone": Key(Kind.RECORD, "marks the step as a success milestone", shape=MILESTONE),
    },
)
STAGE = _entity(
    "stage",
    {
        "description": Key(Kind.MARKDOWN, "what happens in the stage"),
        "goal": Key(Kind.TEXT, "what the customer wants to achieve in this stage"),
        "phase": Key(Kind.REF, "lifecycle phase", refers_to="phase"),
        "kpis": Key(Kind.TEXTS, "how the stage is measured"),
        "metrics": Key(Kind.REFS, "metrics that measure the stage", refers_to="metric"),
        "steps": Key(Kind.RECORDS, "the steps, in order", required=True, shape=STEP),
    },
)
JOURNEY = _entity(
    "journey",
    {
        "description": Key(Kind.MARKDOWN, "what the journey covers"),
        "persona": Key(
            Kind.REFS,
            "persona or personas who take it",
            refers_to="persona",
            attribute="personas",
        ),
        "success": Key(Kind.MARKDOWN, "what success means for the customer"),
        "owner": Key(Kind.REF, "department accountable for the journey", refers_to="department"),
        "reviewed": Key(
            Kind.RECORD,
            "when the journey was last checked against reality: a date YYYY-MM-DD, or {date, by}",
            shape=REVIEW,
        ),
        "stages": Key(Kind.RECORDS, "the stages, in order", required=True, shape=STAGE),
    },
)
FILE = Shape(
    "file",
    {
        "departments": Key(
            Kind.RECORDS,
            "the teams that take part in the journeys: who leads them, how to reach them, "
            "whom to ask for review; steps, touchpoints and journeys name them by id",
            shape=DEPARTMENT,
        ),
        "touchpoints": Key(
            Kind.RECORDS,
            "the channels where the customer meets the service (a web page, a call, an "
            "e-mail), each with its channel and owning department; steps name them by id",
            shape=TOUCHPOINT,
        ),
        "personas": Key(
            Kind.RECORDS,
            "who the customers are, what success means to them and the research behind "
            "it; journeys name them by id",
            shape=PERSONA,
        ),
        "phases": Key(
            Kind.RECORDS,
            "lifecycle phases, in order (from unaware to abandonment); stages map to them",
            shape=PHASE,
        ),
        "metrics": Key(
            Kind.RECORDS,
            "numbers that tell whether the journeys work, each with its unit, owner and "
            "target; their values come from the data files of the metrics folder; stages "
            "and steps name them by id",
            shape=METRIC,
        ),
        "journey": Key(
            Kind.RECORD,
            "the one journey of this file: its stages, steps and milestones",
            shape=JOURNEY,
        ),
    },
)


def compared_fields(shape: Shape, *left_out: str) -> tuple[str, ...]:
    """The model fields of a record that a change can touch, in key order: every key but
    the id and the records nested under it with ids of their own (a journey's stages, a
    stage's steps), less `left_out`."""
    return tuple(
        key.attribute or name
        for name, key in shape.keys.items()
        if name != "id"
        and name not in left_out
        and not (key.kind is Kind.RECORDS and key.shape is not None and key.shape.derives_id)
    )
