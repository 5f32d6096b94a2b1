"""`ccms seed`: realistic synthetic caseloads written through the recorder (audit events and
outbox entries included), in batched transactions. The same seed and the same day give the
same data: every id and value comes from one seeded RNG."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from app.models import (
    Alias,
    CaseNote,
    Caseworker,
    CheckIn,
    ComplianceReport,
    FollowUp,
    Participant,
    Referral,
    ScheduledCheckIn,
    SupervisionAgreement,
)
from app.models.enums import ClosureReason, ParticipantStatus, ReferralStatus, ReferralType
from app.services.checkin_schedule import (
    HORIZON_DAYS,
    due_at,
    office_zone,
    slot_dates,
    slot_id,
)
from app.services.checkins import report_id_for
from app.services.context import ServiceContext
from app.services.participants import (
    create_participant_in,
    refresh_search,
    validate_profile,
)
from app.services.recorder import ChangeRecorder, recording
from app.services.synthetic_names import (
    COUNTRIES,
    GIVEN_NAMES,
    LANGUAGES,
    MIN_SEED_NAME_BYTES,
    PROVIDERS,
    SCRIPT_ALIASES,
    SEED_FAMILY_NAMES,
)

BATCH = 200
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SeedSummary:
    participants: int
    agreements: int
    checkins: int
    referrals: int
    notes: int
    compliance_reports: int


class _Seeder:
    def __init__(self, ctx: ServiceContext, seed: int) -> None:
        self.ctx = ctx
        self.rng = random.Random(seed)
        self.today = ctx.now().date()
        self.counts = dict.fromkeys(("participants", "agreements", "checkins", "referrals",
                                     "notes", "compliance_reports"), 0)
        self.caseworkers: list[str] = []

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def profile(self, i: int) -> dict:
        rng = self.rng
        family = rng.choice(SEED_FAMILY_NAMES)
        if rng.random() < 0.12:
            family = f"{family}-{rng.choice(SEED_FAMILY_NAMES)}"
        given = None if rng.random() < 0.06 else rng.choice(GIVEN_NAMES)
        while given and (len(given.encode()) < MIN_SEED_NAME_BYTES or rng.random() < 0.1):
            given = f"{given} {rng.choice(GIVEN_NAMES)}"  # several given names
        year = rng.randint(1955, 2007)
        roll = rng.random()
        dob = (str(year) if roll < 0.05 else f"{year}-{rng.randint(1, 12):02d}"
               if roll < 0.1 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        return {
            "family_name": family, "given_names": given, "date_of_birth": dob,
            # UCIs have 8 or 10 digits; a few people have none yet.
            "client_id": (str(rng.randrange(10**7, 10**8)) if rng.random() < 0.6
                          else str(rng.randrange(10**9, 10**10)))
            if rng.random() < 0.92 else None,
            "sex": rng.choice(("F", "M", "X")),
            "citizenship": rng.choice(COUNTRIES),
            "languages": rng.sample(LANGUAGES, rng.randint(1, 3)),
            "interpreter_needed": rng.random() < 0.4,
            "phone": f"{rng.choice(('604', '778', '416', '647', '514', '403'))} 555 "
                     f"{rng.randrange(10000):04d}" if rng.random() < 0.85 else None,
            "city": "Vancouver", "province": "BC",
            "caseworker_id": rng.choice(self.caseworkers),
            "referral_source": rng.choice(("cbsa", "irb")),
            "referral_office": rng.choice(("CBSA Pacific Region Enforcement",
                                           "IRB Immigration Division")),
            "referral_date": self.today - timedelta(days=rng.randrange(30, 900)),
            "detention_facility": rng.choice(("BC Immigration Holding Centre",
                                              "Provincial correctional centre", None)),
            "needs": {rng.choice(("housing", "mental_health", "employment", "health")):
                      "Discussed at intake"},
            "risk_flags": ["absconding_history"] if rng.random() < 0.05 else [],
            "vulnerability_flags": rng.sample(("mental_health", "family_with_children",
                                               "medical", "survivor_of_violence"),
                                              rng.randint(0, 2)),
            "consent_to_share": ["cbsa", "service_providers"] if rng.random() < 0.8
            else ["cbsa"],
            "consent_recorded_on": self.today - timedelta(days=rng.randrange(30, 600)),
        }

    def person(self, rec: ChangeRecorder, i: int) -> None:
        rng = self.rng
        profile = validate_profile(self.profile(i))
        pid = create_participant_in(rec, profile, [], [], participant_id=self.uid())
        self.counts["participants"] += 1
        p = rec.session.get(Participant, pid)
        assert p is not None
        if rng.random() < 0.15:
            fam, giv = rng.choice(SCRIPT_ALIASES) if rng.random() < 0.4 else (
                rng.choice(SEED_FAMILY_NAMES), profile.get("given_names"))
            rec.create(Alias(id=self.uid(), participant_id=pid, family_name=fam,
                             given_names=giv), participant_id=pid)
            rec.session.flush()
            refresh_search(rec.session, p)
        status = rng.choices(("referred", "assessed", "refused", "active", "suspended",
                              "closed"), weights=(6, 4, 2, 70, 6, 12))[0]
        if status in ("active", "suspended", "closed"):
            self.agreement_history(rec, p)
        changes: dict = {"status": status, "status_changed_at": self.ctx.now()}
        if status == "refused":
            changes["status_reason"] = "needs_beyond_capacity"
        if status == "suspended":
            changes["status_reason"] = "hospitalised"
        if status == "closed":
            changes["status_reason"] = rng.choice([r.value for r in ClosureReason])
            changes["closed_on"] = self.today - timedelta(days=rng.randrange(1, 400))
        if status != ParticipantStatus.REFERRED:
            rec.update(p, changes, participant_id=pid, action="status")
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            self.referral(rec, pid)
        if rng.random() < 0.7:
            rec.create(CaseNote(id=self.uid(), participant_id=pid,
                                author_id=p.caseworker_id,
                                body="Check-in discussed housing search and health card."),
                       participant_id=pid)
            self.counts["notes"] += 1

    def agreement_history(self, rec: ChangeRecorder, p: Participant) -> None:
        rng = self.rng
        effective = self.today - timedelta(days=rng.randrange(14, 240))
        a = rec.create(SupervisionAgreement(
            id=self.uid(), participant_id=p.id, version_no=1, effective_on=effective,
            review_on=effective + timedelta(days=rng.choice((90, 180))),
            reporting_frequency=rng.choice(("weekly", "weekly", "biweekly", "monthly")),
            reporting_mode=rng.choice(("in_person", "in_person", "telephone", "video")),
            reporting_time=rng.choice(("09:30", "10:00", "13:00", "15:30")),
            residency_address="Approved residence on file",
            programming=rng.sample(("counselling", "employment_program", "addiction_program"),
                                   rng.randint(0, 2)),
            conditions="Report as scheduled; keep the caseworker informed of any move.",
            compliance_window_days=7, signed_by_participant_on=effective,
            signed_by_caseworker_on=effective, cbsa_officer="Officer of record"),
            participant_id=p.id)
        self.counts["agreements"] += 1
        zone = office_zone(rec.session, self.ctx.office_id)
        now = self.ctx.now()
        for day in slot_dates(a, self.today + timedelta(days=HORIZON_DAYS)):
            when = due_at(day, a.reporting_time, zone)
            slot = rec.create(ScheduledCheckIn(id=slot_id(a.id, when), participant_id=p.id,
                                               agreement_id=a.id, due_at=when,
                                               mode=a.reporting_mode), participant_id=p.id)
            if when >= now - timedelta(hours=1) or rng.random() < 0.03:
                continue  # future, or not yet recorded (shows as overdue)
            outcome = rng.choices(("attended", "late", "missed", "excused"),
                                  weights=(82, 7, 7, 4))[0]
            c = rec.create(CheckIn(
                id=self.uid(), participant_id=p.id, agreement_id=a.id, slot_id=slot.id,
                scheduled_at=when, mode=a.reporting_mode, outcome=outcome,
                actual_at=None if outcome == "missed" else when + timedelta(
                    minutes=rng.randrange(0, 50)),
                wellbeing="Stable" if outcome != "missed" else None,
                recorded_by=p.caseworker_id), participant_id=p.id)
            self.counts["checkins"] += 1
            if outcome == "missed":
                self.follow_up(rec, p.id, c, when)

    def follow_up(self, rec: ChangeRecorder, pid: str, c: CheckIn, when: object) -> None:
        due = cast(datetime, c.scheduled_at) + timedelta(days=7)  # a seeded slot has one
        overdue = due < self.ctx.now()
        status = "open" if not overdue else self.rng.choice(("resolved", "escalated"))
        fu = rec.create(FollowUp(id=self.uid(), participant_id=pid, checkin_id=c.id,
                                 due_at=due, status=status,
                                 resolution="Reached by phone" if status == "resolved"
                                 else None,
                                 resolved_at=due if status == "resolved" else None),
                        participant_id=pid)
        if status == "escalated":
            rec.create(ComplianceReport(id=report_id_for(fu.id), participant_id=pid,
                                        follow_up_id=fu.id, checkin_id=c.id,
                                        reason="missed_checkin_unresolved", reported_at=due),
                       participant_id=pid)
            self.counts["compliance_reports"] += 1

    def referral(self, rec: ChangeRecorder, pid: str) -> None:
        rng = self.rng
        referred = self.today - timedelta(days=rng.randrange(0, 300))
        status = rng.choice([s.value for s in ReferralStatus])
        open_ = status in ("proposed", "made", "accepted", "in_progress")
        rec.create(Referral(
            id=self.uid(), participant_id=pid, type=rng.choice([t.value for t in ReferralType]),
            provider=rng.choice(PROVIDERS), referred_on=referred, status=status,
            follow_up_on=referred + timedelta(days=rng.randrange(7, 60)) if open_ else None,
            outcome="Completed as planned" if status == "completed" else None),
            participant_id=pid)
        self.counts["referrals"] += 1


def seed(ctx: ServiceContext, participants: int, seed_value: int = 1,
         progress: Progress | None = None, caseworkers: int = 4) -> SeedSummary:
    seeder = _Seeder(ctx, seed_value)
    with recording(ctx) as rec:
        if ctx.actor_id:
            seeder.caseworkers.append(ctx.actor_id)
        for n in range(caseworkers - len(seeder.caseworkers)):
            seeder.caseworkers.append(rec.create(Caseworker(
                id=seeder.uid(), name=f"Caseworker {n + 2}", role="caseworker")).id)
    for start in range(0, participants, BATCH):
        with recording(ctx) as rec:
            for i in range(start, min(participants, start + BATCH)):
                seeder.person(rec, i)
        if progress:
            progress(min(participants, start + BATCH), participants)
    return SeedSummary(**seeder.counts)
