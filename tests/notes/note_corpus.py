"""A corpus of realistic interview notes from several fields, with what a careful writer would send.

Each :class:`Case` is one opportunity as a person would type it after the
interview: lead-ins ("We talked about", "They told me", "I asked about",
"Learned:"), capitals at the start of items, full stops, résumé-style verbs,
a note written in a second language, an empty debrief. ``must`` holds
sentences (or parts of them) that the draft a careful writer would produce
contains, ``must_not`` what no such draft contains; ``missing`` the fields the
checklist must ask for. The texts were written for these tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from followup.model import Contact, Event, Factor, Notes, Opportunity, Settings, Workspace

OWNER = Contact("Alex Morgan", email="alex.morgan@example.com")


@dataclass(frozen=True)
class Case:
    """One opportunity of the corpus and what its draft must and must not say."""

    id: str
    company: str
    role: str
    interviewers: tuple[Contact, ...]
    notes: Notes
    interview: dt.date
    today: dt.date
    kind: Literal["thank_you", "check_in"] = "thank_you"
    recruiter: Contact | None = None
    events: tuple[Event, ...] = ()
    english: Literal["US", "UK"] = "US"
    greeting: Literal["first_name", "formal"] = "first_name"
    to: str | None = None
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    dictionary: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    def opportunity(self) -> Opportunity:
        return Opportunity(
            id=self.id,
            company=self.company,
            role=self.role,
            interview_date=self.interview,
            interviewers=self.interviewers,
            recruiter=self.recruiter,
            factors=(Factor("The work itself", "plus", 8), Factor("Commute", "minus", 2)),
            notes=self.notes,
            events=self.events,
        )

    def workspace(self) -> Workspace:
        return Workspace(
            opportunities=(self.opportunity(),),
            owner=OWNER,
            settings=Settings(english=self.english, greeting=self.greeting),
            dictionary=self.dictionary,
        )


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


ICU_NURSE = Case(
    id="st-marys-icu-nurse",
    company="St. Mary's Medical Center",
    role="ICU Registered Nurse",
    interviewers=(Contact("Dr. Amara Okonkwo", title="Nurse Manager, Medical ICU"),),
    interview=_day("2026-02-16"),
    today=_day("2026-02-17"),
    notes=Notes(
        discussed=(
            "We talked about the 1:2 patient ratio on nights",
            "I asked about the length of orientation for experienced nurses.",
        ),
        learned=("They told me the unit is moving to self-scheduling",),
        stronger_because=(
            "I precepted four new graduate nurses last year",
            "my CCRN certification",
        ),
        exciting=("the new sepsis screening protocol",),
        company_fact="the hospital earned Magnet recognition in 2025",
        fact_comment="it tells me nurses have a real voice here",
        fact_source="website",
    ),
    dictionary=("CCRN", "precepted"),
    must=(
        "Dear Dr. Okonkwo,",
        "on February 16 ",
        "1:2 patient ratio on nights",
        "my question about the length of orientation for experienced nurses",
        "hear that the unit is moving to self-scheduling",
        "I precepted four new graduate nurses last year, and I bring my CCRN certification",
        "the new sepsis screening protocol",
        "on your website that the hospital earned Magnet recognition in 2025.",
        "It tells me nurses have a real voice here.",
    ),
    must_not=("Dear Dr. Amara", "We talked about", "They told me", "I asked about"),
)

TEACHER = Case(
    id="lincoln-grade-5-teacher",
    company="Lincoln Elementary School",
    role="Grade 5 Teacher",
    interviewers=(Contact("Ms. Rachel Stein", title="Principal"),),
    interview=_day("2026-04-21"),
    today=_day("2026-04-22"),
    notes=Notes(
        discussed=("how the team plans units together",),
        learned=("They loop students between grades 4 and 5", "the school garden program"),
        stronger_because=("I taught a combined 4/5 class for two years",),
        exciting=("the garden as an outdoor science lab",),
        company_fact="The school won a state STEM grant last year.",
        fact_comment="I would love to help use it for hands-on science",
        fact_source="interview",
    ),
    must=(
        "Dear Ms. Stein,",
        "learn that you loop students between grades 4 and 5",
        "about the school garden program",
        "hear that the school won a state STEM grant last year.",
        "I would love to help use it for hands-on science.",
    ),
    must_not=(
        "that the school garden program",
        "that They",
        "that The school",
        "read that",
        "Dear Ms. Rachel Stein",
    ),
)

STORE_MANAGER = Case(
    id="northgate-store-manager",
    company="Northgate Home",
    role="Store Manager",
    interviewers=(Contact("Gemma Hughes", title="Area Manager"),),
    interview=_day("2026-03-03"),
    today=_day("2026-03-04"),
    english="UK",
    notes=Notes(
        discussed=("Discussed: holiday staffing", "We talked about shrink and how they track it"),
        learned=("the company is refitting two stores in the region next year",),
        stronger_because=(
            "Cut shrink by 30% at my current store",
            "Led a team of 24 through a full refit",
        ),
        exciting=("running the flagship store after its refit",),
        company_fact="Northgate Home opened its first store in Leeds in 1998",
        fact_comment="a long history in the region",
    ),
    must=(
        "Dear Gemma,",
        "on 3 March ",
        "holiday staffing, and about shrink and how you track it",
        "the company is refitting two stores in the region next year",
        "I cut shrink by 30% at my current store, and I led a team of 24 through a full refit",
        "running the flagship store after its refit",
        "That is a long history in the region.",
    ),
    must_not=("Discussed:", "We talked about", "Cut shrink", "March 3"),
)

BACKEND_ENGINEER = Case(
    id="ledgerly-backend-engineer",
    company="Ledgerly",
    role="Backend Engineer",
    interviewers=(
        Contact("Jordan Lee", title="Engineering Manager"),
        Contact("Wei Zhang", title="Staff Engineer"),
    ),
    interview=_day("2026-05-12"),
    today=_day("2026-05-13"),
    notes=Notes(
        discussed=(
            "We talked about migrating the billing service from a monolith to "
            "event-driven services",
            "Their incident review process",
        ),
        learned=("They run game days every quarter",),
        stronger_because=("I led the move of our payments system to Kafka",),
        exciting=("the billing migration",),
        company_fact="Ledgerly processes payroll for 40,000 small businesses",
        fact_comment="reliable billing matters to every one of them",
        fact_source="website",
    ),
    must=(
        "Dear Jordan,",
        "migrating the billing service from a monolith to event-driven services and your "
        "incident review process",
        "learn that you run game days every quarter",
        "I led the move of our payments system to Kafka",
        "the billing migration",
        "Wei Zhang",
    ),
    must_not=(
        "of We talked",
        "about We talked",
        "Their incident",
        "the work we talked about",
    ),
)

ACCOUNT_EXECUTIVE = Case(
    id="brightwave-account-executive",
    company="Brightwave Software",
    role="Account Executive",
    interviewers=(Contact("Mr. David Chen", title="VP of Sales"),),
    recruiter=Contact("Nina Alvarez", title="Recruiter, Talentbridge"),
    events=(
        Event("recruiter_called", "2026-06-02"),
        Event("thank_you_sent", "2026-06-03"),
    ),
    interview=_day("2026-06-02"),
    today=_day("2026-06-18"),
    kind="check_in",
    notes=Notes(
        discussed=("the territory split between the two new account executives",),
        learned=("I learned that 70% of deals start from inbound leads",),
        stronger_because=("exceeded quota for eight straight quarters",),
        exciting=("opening the Midwest territory",),
        company_fact="Brightwave raised a Series C in March",
    ),
    must=(
        "Dear Mr. Chen,",
        "interview on June 2 for the Account Executive role at Brightwave Software",
        "my note of June 3",
        "the territory split between the two new account executives",
        "whether my note reached you",
        "whether a decision has been made",
        "may I come back to make my case",
        "follow up through Nina Alvarez.",
    ),
    must_not=("Dear Mr. David", "I learned that"),
)

FINANCIAL_ANALYST = Case(
    id="harbor-financial-analyst",
    company="Harbor Freight Lines",
    role="Financial Analyst",
    interviewers=(Contact("Priyanka Shah", title="FP&A Manager"),),
    interview=_day("2026-12-30"),
    today=_day("2027-01-04"),
    notes=Notes(
        discussed=("the monthly forecast process", "how they allocate fuel costs to routes"),
        learned=("Learned: they close the books in five business days",),
        stronger_because=(
            "I rebuilt our forecast model in Excel and cut errors by half",
            "Power BI dashboards for the CFO",
        ),
        exciting=("Excited about: moving the forecast from Excel to a planning tool",),
        company_fact="On their website: they added 200 trucks to the fleet this year",
        fact_comment="the growth makes the forecast more important",
    ),
    dictionary=("FP&A",),
    must=(
        "Dear Priyanka,",
        "on December 30, 2026, about",
        "the monthly forecast process and how you allocate fuel costs to routes",
        "learn that you close the books in five business days",
        "I rebuilt our forecast model in Excel and cut errors by half, and I bring Power BI "
        "dashboards for the CFO",
        "moving the forecast from Excel to a planning tool",
        "on your website that you added 200 trucks to the fleet this year",
        "The growth makes the forecast more important.",
    ),
    must_not=("Learned:", "Excited about:", "On their website", "they close"),
)

SECOND_LANGUAGE_ANALYST = Case(
    id="cartwheel-data-analyst",
    company="Cartwheel",
    role="Data Analyst",
    interviewers=(Contact("Tomasz Nowak", title="Analytics Lead"),),
    interview=_day("2026-09-08"),
    today=_day("2026-09-09"),
    notes=Notes(
        discussed=("We discussed about the churn dashboard.", "Dashboard for the marketing team"),
        learned=(
            "They explained me the data warehouse is in Snowflake",
            "I learned the team do A/B tests every week",
        ),
        stronger_because=(
            "my experience in SQL and Python",
            "I built a churn model in my last job",
        ),
        exciting=("to work with the marketing team",),
        company_fact="Cartwheel delivers groceries in 40 cities",
        fact_comment="I use it myself every week",
        fact_source="website",
    ),
    must=(
        "Dear Tomasz,",
        "the churn dashboard and dashboard for the marketing team",
        "hear that the data warehouse is in Snowflake",
        "learn that the team do A/B tests every week",
        "I bring my experience in SQL and Python, and I built a churn model in my last job",
        "hance to work with the marketing team",
        "I use it myself every week.",
    ),
    must_not=("discussed about", "explained me", "of Dashboard"),
)

TEACHER_TO_UX = Case(
    id="classcraft-ux-designer",
    company="Classcraft Learning",
    role="Junior UX Designer",
    interviewers=(
        Contact("Sam Rivera", title="Design Lead"),
        Contact("Alex Kim", title="Product Manager"),
    ),
    interview=_day("2026-10-14"),
    today=_day("2026-10-15"),
    to="alex kim",
    notes=Notes(
        discussed=("how they run usability tests with teachers",),
        learned=("the team ships a new feature every two weeks",),
        stronger_because=(
            "ten years of classroom experience",
            "I ran user interviews with 12 teachers for my portfolio project",
        ),
        exciting=("designing the grading flow with real teachers",),
        company_fact="Classcraft is used in 3,000 schools",
        fact_comment="I used it in my own classroom",
        fact_source="interview",
    ),
    must=(
        "Dear Alex,",
        "how you run usability tests with teachers",
        "I bring ten years of classroom experience, and I ran user interviews with 12 teachers",
        "designing the grading flow with real teachers",
        "Sam Rivera",
    ),
    must_not=("Dear Sam",),
)

EMPTY_DEBRIEF = Case(
    id="summit-event-coordinator",
    company="Summit Events",
    role="Event Coordinator",
    interviewers=(Contact("Dana Brooks", title="Events Director"),),
    interview=_day("2026-07-07"),
    today=_day("2026-07-08"),
    notes=Notes(),
    missing=("notes.discussed", "notes.stronger_because", "notes.company_fact"),
)

STAFF_ACCOUNTANT = Case(
    id="baker-staff-accountant",
    company="Baker & Lowe CPAs",
    role="Staff Accountant",
    interviewers=(Contact("maria gonzalez", title="Audit Manager"),),
    interview=_day("2026-08-18"),
    today=_day("2026-08-19"),
    greeting="formal",
    notes=Notes(
        discussed=(
            "I asked about the busy season schedule and the firm's audit software.",
            "We spent a long time on the firm's move from paper workpapers to cloud audit "
            "software and on how the seniors review the staff work during busy season in "
            "the spring",
        ),
        stronger_because=("I passed two parts of the CPA exam this year",),
        company_fact="the firm was named a best place to work in the state",
    ),
    must=(
        "Dear Maria Gonzalez,",
        "my questions about the busy season schedule and the firm's audit software",
        "I passed two parts of the CPA exam this year",
        "We spent a long time on the firm's move from paper workpapers",
        "learn that the firm was named a best place to work in the state",
    ),
    must_not=("discussion of I asked", "Dear maria", "Dear Ms.", "read that", "hear that the firm"),
    missing=("notes.fact_comment",),
)

SPARSE_NOTES = Case(
    id="riverside-line-cook",
    company="Riverside Bistro",
    role="Line Cook",
    interviewers=(Contact("Marco Bellini", title="Head Chef"),),
    interview=_day("2026-11-02"),
    today=_day("2026-11-03"),
    notes=Notes(discussed=("the new seasonal menu",)),
    must=("the new seasonal menu",),
    must_not=("the work we talked about", "strong fit", "win for both sides", "excited"),
    missing=("notes.stronger_because", "notes.company_fact"),
)

CASES: tuple[Case, ...] = (
    ICU_NURSE,
    TEACHER,
    STORE_MANAGER,
    BACKEND_ENGINEER,
    ACCOUNT_EXECUTIVE,
    FINANCIAL_ANALYST,
    SECOND_LANGUAGE_ANALYST,
    TEACHER_TO_UX,
    EMPTY_DEBRIEF,
    STAFF_ACCOUNTANT,
    SPARSE_NOTES,
)
