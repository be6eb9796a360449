"""The small English lexicon the phrase classifier reads: closed word classes and common names.

:mod:`followup.notes.phrases` decides from these whether a note item is a
noun phrase, a clause or a sentence, and whether its first word keeps its
capital. The lists are closed classes of English (determiners, pronouns,
prepositions, auxiliaries, irregular past forms) plus a short list of proper
nouns that an English dictionary also holds as common words ("Python",
"Monday"). Standard library only.
"""

from __future__ import annotations

__all__ = [
    "AUXILIARIES",
    "BASE_VERBS",
    "COLLECTIVE_NOUNS",
    "DETERMINERS",
    "ING_NOUNS",
    "IRREGULAR_PAST",
    "NOT_PAST",
    "OBJECT_STARTERS",
    "PREPOSITIONS",
    "PROPER_NOUNS",
    "QUESTION_OPENERS",
    "SUBJECT_PRONOUNS",
    "WH_WORDS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that open a noun phrase.
DETERMINERS = _words(
    "a an the this that these those my our your their its his her some any every each all "
    "both several many most no another other few more much such one two three four five six "
    "seven eight nine ten twelve first second third last next whose"
)

PREPOSITIONS = _words(
    "of in on at for with about from to by into onto over under between among through during "
    "before after around across against along toward towards within without via per like than "
    "as behind beyond beside near since until upon"
)

#: Forms of be, have and do, and the modals: a finite verb when they follow a subject.
AUXILIARIES = _words(
    "am is are was were has have had does do did will would shall should can could may might "
    "must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't "
    "wouldn't can't couldn't shouldn't"
)

SUBJECT_PRONOUNS = _words("i we you they he she it there")

WH_WORDS = _words("how what why when where who whom which whether")

#: First words of a direct question ("How does the team ...?", "Is there ...?").
QUESTION_OPENERS = AUXILIARIES | WH_WORDS

#: Words after which a past-tense or third-person verb is most likely a verb, not part of a
#: noun: "the school won *a* grant", "the team plans *to* move", "the unit moved *to* ...".
OBJECT_STARTERS = DETERMINERS | _words(
    "to that up out back them it him her us me more less most very also already again "
    "last this next every in into on at from over across with for after during since"
) - _words("of")

#: Past forms of common irregular verbs (the regular ones end in -ed).
IRREGULAR_PAST = _words(
    "began became bought brought built came caught chose did drew drove fell felt fought found "
    "gave got grew had heard held hid hit hired kept knew laid led left lent lost made meant met "
    "paid put ran read rose said sat saw sent set shook shut sold sought spent spoke stood struck "
    "swam taught thought threw told took understood went woke won wore wrote"
)

#: Words ending in -ed or -s that are not verb forms.
NOT_PAST = _words(
    "bed fed hundred need seed speed shed red bred sled shred creed deed feed greed weed "
    "breed embed bled freed indeed"
)

#: Nouns ending in -ing: "funding is secured" is a clause, "funding for a year" a noun phrase.
ING_NOUNS = _words(
    "thing things king ring wing string spring morning evening ceiling building meeting "
    "training funding staffing onboarding planning marketing engineering nursing accounting "
    "pricing hiring scheduling testing offering housing clothing setting earnings "
    "learning teaching coaching mentoring tutoring reporting budgeting forecasting "
    "recruiting consulting banking lending catering"
)

#: Nouns that are the subject of most sentences in interview notes ("the team ships weekly").
COLLECTIVE_NOUNS = _words(
    "team teams company firm school district unit hospital clinic department group office store "
    "agency practice manager director lead principal board everyone nobody organization "
    "organisation business startup lab division branch platform product service it"
)

#: Verbs in their base form that follow a plural subject ("the teachers loop students").
BASE_VERBS = _words(
    "add adopt allow ask bring build buy call care change check choose close coach come cover "
    "create cut decide deliver design do earn expect feel find fly focus get give go grow guide "
    "handle have help hire hold host include keep know lead learn let like live loop love make "
    "manage meet mentor move need offer open own pair pay plan plant play prefer prepare "
    "present provide publish put reach read release rely report review rotate run see sell "
    "send serve set share ship show spend start stay support take talk teach tend test think "
    "track train treat try use value visit want work write"
)

#: Names that an English dictionary also lists in lowercase: the first word of a note item
#: keeps its capital when it is one of these. Weekdays, months, languages and the products and
#: tools that turn up most in job interviews; anything else can be kept by adding it to the
#: workspace's dictionary.
PROPER_NOUNS = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Christmas Easter Thanksgiving "
    "English Spanish French German Italian Portuguese Dutch Polish Russian Ukrainian Arabic "
    "Hebrew Hindi Urdu Bengali Mandarin Cantonese Chinese Japanese Korean Vietnamese Thai "
    "Turkish Greek Swedish Norwegian Danish Finnish American British Canadian European "
    "African Asian Australian Indian Mexican Brazilian "
    "Python Java JavaScript TypeScript Ruby Rust Swift Kotlin Scala Perl Excel PowerPoint "
    "Outlook Salesforce Tableau Looker Snowflake Spark Kafka Airflow Kubernetes Docker Linux "
    "Windows Android Epic Cerner Meditech Jira Confluence Slack Zoom Canvas Blackboard Google "
    "Microsoft Amazon Apple Azure Oracle Workday Xero Figma Sketch Shopify Stripe React "
    "Angular Django Flask Rails Node Postgres Redis Grafana Prometheus Splunk Medicare "
    "Medicaid Congress Parliament"
)
