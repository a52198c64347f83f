"""Tables of the store. Alembic migrations under `yhdyspinta/migrations` create exactly these;
a test compares the two so they cannot drift apart."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Explicit constraint names keep migrations portable between SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

CODE_LEN = 3
SHORT = 40
NAME = 200
URL = 1000

areas = Table(
    "areas",
    metadata,
    Column("code", Integer, primary_key=True, autoincrement=False),
    Column("name_fi", String(NAME), nullable=False),
    Column("name_sv", String(NAME), nullable=False),
    Column("name_en", String(NAME), nullable=False),
    Column("in_scope", Boolean, nullable=False),
)

municipalities = Table(
    "municipalities",
    metadata,
    Column("code", String(CODE_LEN), primary_key=True),
    Column("name_fi", String(NAME), nullable=False),
    Column("name_sv", String(NAME), nullable=False),
    Column("area_code", Integer, ForeignKey("areas.code"), nullable=False),
    Column("language", String(SHORT), nullable=False),
    Column("population", Integer, nullable=True),
    Column("population_year", Integer, nullable=True),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("area_code", Integer, ForeignKey("areas.code"), nullable=False),
    Column("kind", String(SHORT), nullable=False),
    Column("title", String(NAME), nullable=False),
    Column("status", String(SHORT), nullable=False),
    Column("preparation_started_on", Date, nullable=True),
    Column("approved_on", Date, nullable=True),
    Column("valid_from", Date, nullable=True),
    Column("valid_until", Date, nullable=True),
    Column("themes", Text, nullable=False, default=""),
    Column("document_url", String(URL), nullable=True),
    Column("row_version", Integer, nullable=False, default=1),
    # The first day of the term the agreement is for (e.g. 2026-01-01 for 2026–2029): an area
    # keeps a sequence of agreements of one kind, and a renewal is a new row beside its
    # predecessor. Not `valid_from`: validity dates get corrected, a key must not change.
    Column("term_start", Date, nullable=False),
    UniqueConstraint("area_code", "kind", "term_start", name="uq_agreements_area_kind_term"),
)

approvals = Table(
    "approvals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("agreement_id", Integer, ForeignKey("agreements.id"), nullable=False),
    Column("municipality_code", String(CODE_LEN), ForeignKey("municipalities.code"), nullable=False),
    Column("status", String(SHORT), nullable=False),
    Column("decided_on", Date, nullable=True),
    Column("row_version", Integer, nullable=False, default=1),
    UniqueConstraint("agreement_id", "municipality_code", name="uq_approvals_agreement_municipality"),
)

structures = Table(
    "structures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("area_code", Integer, ForeignKey("areas.code"), nullable=False),
    Column("kind", String(SHORT), nullable=False),
    Column("name", String(NAME), nullable=False),
    Column("theme", String(SHORT), nullable=True),
    Column("established_on", Date, nullable=True),
    Column("url", String(URL), nullable=True),
    Column("row_version", Integer, nullable=False, default=1),
    UniqueConstraint("area_code", "kind", "name", name="uq_structures_area_kind_name"),
)

forums = Table(
    "forums",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("held_on", Date, nullable=False, unique=True),
    Column("theme", String(SHORT), nullable=False),
    Column("title", String(NAME), nullable=False),
    Column("recording_url", String(URL), nullable=True),
    Column("row_version", Integer, nullable=False, default=1),
)

participation = Table(
    "participation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("forum_id", Integer, ForeignKey("forums.id"), nullable=False),
    Column("org_type", String(SHORT), nullable=False),
    # Municipality code, area code as text, or the organisation's name for "other".
    Column("org_key", String(NAME), nullable=False),
    Column("participants", Integer, nullable=False),
    Column("row_version", Integer, nullable=False, default=1),
    UniqueConstraint("forum_id", "org_type", "org_key", name="uq_participation_forum_org"),
    CheckConstraint("participants >= 0", name="participants_nonneg"),
)

survey_results = Table(
    "survey_results",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("survey", String(NAME), nullable=False),
    Column("wave", String(SHORT), nullable=False),
    Column("published_on", Date, nullable=True),
    Column("statement", String(URL), nullable=False),
    Column("respondent_group", String(NAME), nullable=False),
    Column("level", String(SHORT), nullable=False),
    # Area code or municipality-group name; empty for the national level.
    Column("level_key", String(NAME), nullable=False, default=""),
    Column("value_pct", Float, nullable=False),
    Column("n", Integer, nullable=False),
    Column("row_version", Integer, nullable=False, default=1),
    UniqueConstraint(
        "survey", "wave", "statement", "respondent_group", "level", "level_key",
        name="uq_survey_results_key",
    ),
    CheckConstraint("value_pct >= 0 AND value_pct <= 100", name="value_pct_range"),
    CheckConstraint("n >= 0", name="n_nonneg"),
)

# The eight Keast & Mandell dimensions, each scored 1–3, in the order every table lists them.
MATURITY_COLUMNS: tuple[str, ...] = (
    "trust",
    "communication",
    "information_sharing",
    "goals",
    "power",
    "resources",
    "accountability",
    "commitment",
)

maturity_assessments = Table(
    "maturity_assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("area_code", Integer, ForeignKey("areas.code"), nullable=False),
    Column("assessed_on", Date, nullable=False),
    # Anonymous running number of the respondent within one area and date.
    Column("respondent_no", Integer, nullable=False),
    Column("respondent_role", String(SHORT), nullable=False),
    Column("trust", Integer, nullable=False),
    Column("communication", Integer, nullable=False),
    Column("information_sharing", Integer, nullable=False),
    Column("goals", Integer, nullable=False),
    Column("power", Integer, nullable=False),
    Column("resources", Integer, nullable=False),
    Column("accountability", Integer, nullable=False),
    Column("commitment", Integer, nullable=False),
    Column("row_version", Integer, nullable=False, default=1),
    UniqueConstraint("area_code", "assessed_on", "respondent_no", name="uq_maturity_key"),
)

pilots = Table(
    "pilots",
    metadata,
    Column("area_code", Integer, ForeignKey("areas.code"), primary_key=True, autoincrement=False),
    Column("started_on", Date, nullable=True),
    Column("ended_on", Date, nullable=True),
    Column("note", String(URL), nullable=True),
    Column("row_version", Integer, nullable=False, default=1),
)

# Self-assessment rounds (yhdyspinta.selfassess): an area's editor opens a round and hands out
# invitation links; each link answers once, without sign-in; closing the round writes its
# responses as maturity assessments. Only a hash of each link's token is kept.
TOKEN_HASH = 64  # hex SHA-256

selfassess_rounds = Table(
    "selfassess_rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("area_code", Integer, ForeignKey("areas.code"), nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    # The date the round's responses were written as maturity assessments (None: none were).
    Column("assessed_on", Date, nullable=True),
    Column("invitations", Integer, nullable=False),
    CheckConstraint("invitations > 0", name="invitations_positive"),
)

selfassess_invitations = Table(
    "selfassess_invitations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("selfassess_rounds.id"), nullable=False),
    Column("token_hash", String(TOKEN_HASH), nullable=False, unique=True),
    # The day the link was answered (None while unused): a day, not an instant, so that the
    # order of answers within a day cannot pair an invitation with a response.
    Column("answered_on", Date, nullable=True),
)

selfassess_responses = Table(
    "selfassess_responses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("selfassess_rounds.id"), nullable=False),
    Column("respondent_role", String(SHORT), nullable=False),
    *(Column(name, Integer, nullable=False) for name in MATURITY_COLUMNS),
    CheckConstraint(" AND ".join(f"{name} BETWEEN 1 AND 3" for name in MATURITY_COLUMNS), name="scores_range"),
)

change_log = Table(
    "change_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(NAME), nullable=False),
    Column("action", String(SHORT), nullable=False),
    Column("kind", String(SHORT), nullable=False),
    Column("record_key", String(URL), nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("batch_id", String(SHORT), nullable=False),
    Column("note", String(URL), nullable=True),
)

role_assignments = Table(
    "role_assignments",
    metadata,
    # The signed-in identity (e-mail from the OIDC provider), lower-cased.
    Column("subject", String(NAME), primary_key=True),
    Column("role", String(SHORT), nullable=False),
    # Area codes an area editor may write, separator-joined; empty for other roles.
    Column("area_codes", String(NAME), nullable=False, default=""),
    Column("row_version", Integer, nullable=False, default=1),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(SHORT), primary_key=True),
    Column("value", Text, nullable=False),
)

# Order that satisfies foreign keys on insert; reverse it to delete.
TABLE_ORDER: tuple[Table, ...] = (
    areas,
    municipalities,
    agreements,
    approvals,
    structures,
    forums,
    participation,
    survey_results,
    maturity_assessments,
    pilots,
    selfassess_rounds,
    selfassess_invitations,
    selfassess_responses,
    role_assignments,
    change_log,
    meta,
)
