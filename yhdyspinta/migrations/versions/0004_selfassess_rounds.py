"""self-assessment rounds: rounds, their invitations (token hashes) and responses

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 10:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# As in yhdyspinta.store.schema.MATURITY_COLUMNS at this revision (a migration must not change
# when the schema module does).
SCORES = ("trust", "communication", "information_sharing", "goals", "power", "resources",
          "accountability", "commitment")


def upgrade() -> None:
    op.create_table(
        'selfassess_rounds',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_code', sa.Integer(), nullable=False),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('assessed_on', sa.Date(), nullable=True),
        sa.Column('invitations', sa.Integer(), nullable=False),
        sa.CheckConstraint('invitations > 0', name=op.f('ck_selfassess_rounds_invitations_positive')),
        sa.ForeignKeyConstraint(['area_code'], ['areas.code'], name=op.f('fk_selfassess_rounds_area_code_areas')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_selfassess_rounds')),
    )
    op.create_table(
        'selfassess_invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('answered_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['round_id'], ['selfassess_rounds.id'],
                                name=op.f('fk_selfassess_invitations_round_id_selfassess_rounds')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_selfassess_invitations')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_selfassess_invitations_token_hash')),
    )
    op.create_table(
        'selfassess_responses',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('respondent_role', sa.String(length=40), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in SCORES),
        sa.CheckConstraint(" AND ".join(f"{name} BETWEEN 1 AND 3" for name in SCORES),
                           name=op.f('ck_selfassess_responses_scores_range')),
        sa.ForeignKeyConstraint(['round_id'], ['selfassess_rounds.id'],
                                name=op.f('fk_selfassess_responses_round_id_selfassess_rounds')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_selfassess_responses')),
    )


def downgrade() -> None:
    op.drop_table('selfassess_responses')
    op.drop_table('selfassess_invitations')
    op.drop_table('selfassess_rounds')
