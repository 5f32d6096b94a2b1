"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alias',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('given_names', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alias'))
    )
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alias_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alias_participant_id'), ['participant_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=True),
    sa.Column('participant_id', sa.String(length=36), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_device_seq', ['device_id', 'device_seq'], unique=True)
        batch_op.create_index(batch_op.f('ix_audit_event_office_id'), ['office_id'], unique=False)
        batch_op.create_index('ix_audit_participant_at', ['participant_id', 'at'], unique=False)

    op.create_table('case_note',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_note'))
    )
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_note_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_note_participant_id'), ['participant_id'], unique=False)

    op.create_table('caseworker',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_caseworker'))
    )
    with op.batch_alter_table('caseworker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_caseworker_office_id'), ['office_id'], unique=False)

    op.create_table('checkin',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=True),
    sa.Column('slot_id', sa.String(length=36), nullable=True),
    sa.Column('scheduled_at', sa.DateTime(), nullable=True),
    sa.Column('actual_at', sa.DateTime(), nullable=True),
    sa.Column('mode', sa.String(length=12), nullable=False),
    sa.Column('outcome', sa.String(length=12), nullable=False),
    sa.Column('wellbeing', sa.Text(), nullable=True),
    sa.Column('needs_update', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('corrects_id', sa.String(length=36), nullable=True),
    sa.Column('recorded_by', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin'))
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index('ix_checkin_corrects', ['corrects_id'], unique=False, sqlite_where=sa.text('corrects_id IS NOT NULL'))
        batch_op.create_index(batch_op.f('ix_checkin_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_outcome'), ['outcome'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index('ix_checkin_participant_scheduled', ['participant_id', 'scheduled_at'], unique=False)
        batch_op.create_index('ix_checkin_slot', ['slot_id'], unique=False, sqlite_where=sa.text('slot_id IS NOT NULL'))

    op.create_table('compliance_report',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('follow_up_id', sa.String(length=36), nullable=True),
    sa.Column('checkin_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('details', sa.Text(), nullable=True),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_compliance_report'))
    )
    with op.batch_alter_table('compliance_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_compliance_report_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_compliance_report_participant_id'), ['participant_id'], unique=False)

    op.create_table('device_secret',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('value', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_device_secret'))
    )
    op.create_table('document',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_participant_id'), ['participant_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('checkin_id', sa.String(length=36), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_checkin_id'), ['checkin_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_up_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index('ix_follow_up_status_due', ['status', 'due_at'], unique=False)

    op.create_table('household_member',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('relationship', sa.String(length=40), nullable=False),
    sa.Column('date_of_birth', sa.String(length=10), nullable=True),
    sa.Column('dependant', sa.Boolean(), nullable=False),
    sa.Column('linked_participant_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_member'))
    )
    with op.batch_alter_table('household_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_member_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_household_member_participant_id'), ['participant_id'], unique=False)

    op.create_table('office',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('time_zone', sa.String(length=40), nullable=False),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('max_offline_days', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office'))
    )
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_office_office_id'), ['office_id'], unique=False)

    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('op_id', name=op.f('uq_outbox_op_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_record_id'), ['record_id'], unique=False)

    op.create_table('participant',
    sa.Column('client_id', sa.String(length=10), nullable=True),
    sa.Column('external_ref', sa.String(length=100), nullable=True),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('given_names', sa.String(length=200), nullable=True),
    sa.Column('date_of_birth', sa.String(length=10), nullable=True),
    sa.Column('sex', sa.String(length=20), nullable=True),
    sa.Column('gender', sa.String(length=60), nullable=True),
    sa.Column('citizenship', sa.String(length=60), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('interpreter_needed', sa.Boolean(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_digits', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('address_line', sa.String(length=300), nullable=True),
    sa.Column('city', sa.String(length=120), nullable=True),
    sa.Column('province', sa.String(length=2), nullable=True),
    sa.Column('postal_code', sa.String(length=7), nullable=True),
    sa.Column('caseworker_id', sa.String(length=36), nullable=True),
    sa.Column('referral_source', sa.String(length=10), nullable=True),
    sa.Column('referral_office', sa.String(length=200), nullable=True),
    sa.Column('referral_date', sa.Date(), nullable=True),
    sa.Column('detention_facility', sa.String(length=200), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_reason', sa.String(length=40), nullable=True),
    sa.Column('status_changed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('needs', sa.JSON(), nullable=False),
    sa.Column('risk_flags', sa.JSON(), nullable=False),
    sa.Column('vulnerability_flags', sa.JSON(), nullable=False),
    sa.Column('consent_to_share', sa.JSON(), nullable=False),
    sa.Column('consent_recorded_on', sa.Date(), nullable=True),
    sa.Column('merged_into_id', sa.String(length=36), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_caseworker_id'), ['caseworker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_date_of_birth'), ['date_of_birth'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_external_ref'), ['external_ref'], unique=False)
        batch_op.create_index('ix_participant_family_given', ['family_name', 'given_names'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_office_id'), ['office_id'], unique=False)
        batch_op.create_index('ix_participant_office_status', ['office_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_phone_digits'), ['phone_digits'], unique=False)
        batch_op.create_index(batch_op.f('ix_participant_status'), ['status'], unique=False)

    op.create_table('referral',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('provider', sa.String(length=200), nullable=False),
    sa.Column('referred_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_office_id'), ['office_id'], unique=False)
        batch_op.create_index('ix_referral_open_follow_up', ['follow_up_on'], unique=False, sqlite_where=sa.text("status IN ('proposed', 'made', 'accepted', 'in_progress')"))
        batch_op.create_index(batch_op.f('ix_referral_participant_id'), ['participant_id'], unique=False)

    op.create_table('scheduled_checkin',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('mode', sa.String(length=12), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scheduled_checkin'))
    )
    with op.batch_alter_table('scheduled_checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scheduled_checkin_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scheduled_checkin_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_scheduled_checkin_office_id'), ['office_id'], unique=False)
        batch_op.create_index('ix_scheduled_checkin_participant_due', ['participant_id', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_scheduled_checkin_participant_id'), ['participant_id'], unique=False)

    op.create_table('store_meta',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_store_meta'))
    )
    op.create_table('supervision_agreement',
    sa.Column('participant_id', sa.String(length=36), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    sa.Column('superseded_on', sa.Date(), nullable=True),
    sa.Column('amendment_reason', sa.Text(), nullable=True),
    sa.Column('effective_on', sa.Date(), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('reporting_frequency', sa.String(length=10), nullable=False),
    sa.Column('custom_interval_days', sa.Integer(), nullable=True),
    sa.Column('reporting_mode', sa.String(length=12), nullable=False),
    sa.Column('reporting_time', sa.String(length=5), nullable=False),
    sa.Column('residency_address', sa.String(length=300), nullable=True),
    sa.Column('curfew', sa.String(length=40), nullable=True),
    sa.Column('programming', sa.JSON(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=True),
    sa.Column('compliance_window_days', sa.Integer(), nullable=False),
    sa.Column('signed_by_participant_on', sa.Date(), nullable=True),
    sa.Column('signed_by_caseworker_on', sa.Date(), nullable=True),
    sa.Column('cbsa_officer', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_agreement'))
    )
    with op.batch_alter_table('supervision_agreement', schema=None) as batch_op:
        batch_op.create_index('ix_agreement_current', ['participant_id', 'superseded_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_agreement_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_agreement_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_agreement_review_on'), ['review_on'], unique=False)

    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('participant_id', sa.String(length=36), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('base_value', sa.JSON(), nullable=False),
    sa.Column('local_value', sa.JSON(), nullable=False),
    sa.Column('server_value', sa.JSON(), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=False),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=10), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_record_id'), ['record_id'], unique=False)

    op.create_table('sync_state',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )


def downgrade() -> None:
    op.drop_table('sync_state')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_record_id'))

    op.drop_table('sync_conflict')
    with op.batch_alter_table('supervision_agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_agreement_review_on'))
        batch_op.drop_index(batch_op.f('ix_supervision_agreement_participant_id'))
        batch_op.drop_index(batch_op.f('ix_supervision_agreement_office_id'))
        batch_op.drop_index('ix_agreement_current')

    op.drop_table('supervision_agreement')
    op.drop_table('store_meta')
    with op.batch_alter_table('scheduled_checkin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scheduled_checkin_participant_id'))
        batch_op.drop_index('ix_scheduled_checkin_participant_due')
        batch_op.drop_index(batch_op.f('ix_scheduled_checkin_office_id'))
        batch_op.drop_index(batch_op.f('ix_scheduled_checkin_due_at'))
        batch_op.drop_index(batch_op.f('ix_scheduled_checkin_agreement_id'))

    op.drop_table('scheduled_checkin')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_participant_id'))
        batch_op.drop_index('ix_referral_open_follow_up', sqlite_where=sa.text("status IN ('proposed', 'made', 'accepted', 'in_progress')"))
        batch_op.drop_index(batch_op.f('ix_referral_office_id'))

    op.drop_table('referral')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_status'))
        batch_op.drop_index(batch_op.f('ix_participant_phone_digits'))
        batch_op.drop_index('ix_participant_office_status')
        batch_op.drop_index(batch_op.f('ix_participant_office_id'))
        batch_op.drop_index(batch_op.f('ix_participant_merged_into_id'))
        batch_op.drop_index('ix_participant_family_given')
        batch_op.drop_index(batch_op.f('ix_participant_external_ref'))
        batch_op.drop_index(batch_op.f('ix_participant_date_of_birth'))
        batch_op.drop_index(batch_op.f('ix_participant_client_id'))
        batch_op.drop_index(batch_op.f('ix_participant_caseworker_id'))

    op.drop_table('participant')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_record_id'))

    op.drop_table('outbox')
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_office_office_id'))

    op.drop_table('office')
    with op.batch_alter_table('household_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_member_participant_id'))
        batch_op.drop_index(batch_op.f('ix_household_member_office_id'))

    op.drop_table('household_member')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_status_due')
        batch_op.drop_index(batch_op.f('ix_follow_up_participant_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_office_id'))
        batch_op.drop_index(batch_op.f('ix_follow_up_checkin_id'))

    op.drop_table('follow_up')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_participant_id'))
        batch_op.drop_index(batch_op.f('ix_document_office_id'))

    op.drop_table('document')
    op.drop_table('device_secret')
    with op.batch_alter_table('compliance_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_compliance_report_participant_id'))
        batch_op.drop_index(batch_op.f('ix_compliance_report_office_id'))

    op.drop_table('compliance_report')
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_slot', sqlite_where=sa.text('slot_id IS NOT NULL'))
        batch_op.drop_index('ix_checkin_participant_scheduled')
        batch_op.drop_index(batch_op.f('ix_checkin_participant_id'))
        batch_op.drop_index(batch_op.f('ix_checkin_outcome'))
        batch_op.drop_index(batch_op.f('ix_checkin_office_id'))
        batch_op.drop_index('ix_checkin_corrects', sqlite_where=sa.text('corrects_id IS NOT NULL'))

    op.drop_table('checkin')
    with op.batch_alter_table('caseworker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_caseworker_office_id'))

    op.drop_table('caseworker')
    with op.batch_alter_table('case_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_note_participant_id'))
        batch_op.drop_index(batch_op.f('ix_case_note_office_id'))

    op.drop_table('case_note')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_participant_at')
        batch_op.drop_index(batch_op.f('ix_audit_event_office_id'))
        batch_op.drop_index('ix_audit_device_seq')

    op.drop_table('audit_event')
    with op.batch_alter_table('alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alias_participant_id'))
        batch_op.drop_index(batch_op.f('ix_alias_office_id'))

    op.drop_table('alias')
