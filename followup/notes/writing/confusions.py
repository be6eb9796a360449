"""Real words in the wrong place, which the grammar engine leaves alone.

Each rule is a pattern around a word that is spelt right but is the wrong
word for its neighbours: "for you time" (your), "you're team" (your), "it's
culture is" (its), "its clear that" (it's), "to here from you" (hear),
"hearing weather" (whether), "loose fewer deals" (lose), "any advise"
(advice), "look forward to hear" (hearing)... The patterns look only at the
words next to the error, so they hold in any note, and each one leaves alone
the correct phrases it could be confused with ("send you time slots", "it's
time to", "weather the storm", "cut loose"). Each pass over the text is one
linear regular-expression search, and only made when one of the rule's
words is in the text. :mod:`~followup.notes.writing.confusion_rule` says
how a rule is written and applied.
"""

from __future__ import annotations

from collections.abc import Iterator

from followup.notes.writing.confusion_rule import Confusion, any_of, rule
from followup.notes.writing.findings import Finding
from followup.notes.writing.tokens import Tokens, normalized
from followup.notes.writing.vocabulary import English, word_set

__all__ = ["CONFUSIONS", "Confusion", "confusion_findings"]


_APOSTROPHE = "['’]"
_GAP = r"\s++"
# Nouns that follow "your" and are not verbs, so "you" before them is a slip for "your".
_OWNED_NOUNS = any_of(
    "time consideration insight insights feedback guidance hospitality patience kindness "
    "generosity company organization organisation school stores department clinic ward "
    "colleagues students patients clients customers leadership mission perspective "
    "expertise advice invitation thoughts office firm behalf attention recommendation "
    "assistance encouragement warmth candour candor openness enthusiasm team teams website "
    "portfolio careers vacancy"
)
# Nouns that are also verbs: "for you help" is a slip, "you help" alone may not be.
_OWNED_VERB_NOUNS = any_of("help support work interest offer call visit email message plans input")
_PREPOSITIONS = any_of(
    "to for with of about on in into from at by through during toward towards across without "
    "within upon"
)
# After these, "you" is the receiver and a noun may follow: "send you time slots".
_GIVING_VERBS = word_set(
    "give gives gave giving send sends sent sending show shows showed shown showing offer "
    "offers offered offering owe tell told bring brought pay paid email emailed ask asked teach "
    "taught lend lent get got buy bought promise promised hand handed forward forwarded grant "
    "granted wish wished allow allowed save saved cost find found leave left write wrote make "
    "made book booked thank thanks let see saw call called"
)
# After these, "you" is the subject of a question and a verb follows: "Did you time it?"
_AUXILIARIES = word_set(
    "do does did will would can could should shall may might must are were have had "
    "don't didn't won't wouldn't can't couldn't"
)
_BE_FORMS = any_of("is was are were has have had")
_NOT_A_NOUN = any_of(
    "what who which that this there here not also just really very so still always never all "
    "both now then only even probably said the a an my our your their his her its"
)
_WORD = r"[^\W\d_]++"
_PREDICATE_ADJECTIVES = any_of(
    "clear great good helpful important possible likely unlikely true obvious nice exciting fine "
    "okay easy hard difficult interesting useful amazing wonderful lovely essential evident "
    "impossible apparent crucial vital necessary unclear understandable encouraging reassuring "
    "rewarding challenging surprising inspiring"
)
_AFTER_PREDICATE = r"(?=\s*+(?:[.,;:!?]|\Z|(?:that|to|for|when|if|because|how)\b))"
_ING = {
    "hear": "hearing", "meet": "meeting", "speak": "speaking", "work": "working",
    "talk": "talking", "see": "seeing", "join": "joining", "learn": "learning",
    "discuss": "discussing", "receive": "receiving", "continue": "continuing",
    "contribute": "contributing", "help": "helping", "get": "getting", "start": "starting",
    "visit": "visiting", "connect": "connecting", "catch": "catching", "chat": "chatting",
}  # fmt: skip
_SINGULAR_VERB = {"were": "was", "are": "is", "have": "has", "do": "does"}


CONFUSIONS: tuple[Confusion, ...] = (
    # "for you time" -> "your time"
    rule(
        "you",
        rf"\b(?P<wrong>you){_GAP}(?={_OWNED_NOUNS}(?!{_GAP}up\b))",
        "your",
        "Write 'your' before a noun: {right!r} shows what belongs to the reader.",
        not_after=_GIVING_VERBS | _AUXILIARIES,
    ),
    rule(
        "you",
        rf"{_PREPOSITIONS}{_GAP}(?P<wrong>you){_GAP}(?={_OWNED_VERB_NOUNS})",
        "your",
        "Write 'your' before a noun: {right!r} shows what belongs to the reader.",
    ),
    # "you're team", "to you're literacy plan" -> "your"
    rule(
        "you're",
        rf"\b(?P<wrong>you{_APOSTROPHE}re){_GAP}(?={_OWNED_NOUNS})",
        "your",
        "{wrong!r} means 'you are'; write {right!r} before a noun.",
    ),
    rule(
        "you're they're",
        rf"{_PREPOSITIONS}{_GAP}(?P<wrong>(?:you|they){_APOSTROPHE}re)\b",
        {"you're": "your", "they're": "their"},
        "{wrong!r} means 'you are' or 'they are'; write {right!r} before a noun.",
    ),
    # "it's culture is", "they're enthusiasm was" -> "its", "their"
    rule(
        "it's you're they're",
        rf"\b(?P<wrong>it{_APOSTROPHE}s|you{_APOSTROPHE}re|they{_APOSTROPHE}re){_GAP}"
        rf"(?!{_NOT_A_NOUN}){_WORD}(?<!ly)(?<!ing)(?<!ed){_GAP}{_BE_FORMS}",
        {"it's": "its", "you're": "your", "they're": "their"},
        "{wrong!r} is a contraction; write {right!r} before a noun.",
        # "What it's worth is...", "all they're owed is..."
        not_after=word_set("what whatever all everything anything something how where that which"),
    ),
    # "the teacher who's classroom we visited", "the analyst who's team is growing" -> "whose"
    rule(
        "who's",
        rf"\b(?P<wrong>who{_APOSTROPHE}s){_GAP}(?!{_NOT_A_NOUN}){_WORD}(?<!ly)(?<!ing)(?<!ed)"
        rf"{_GAP}(?:I|we|you|they|he|she)\b",
        "whose",
        "{wrong!r} means 'who is' or 'who has'; for 'belonging to whom', write {right!r}.",
    ),
    # "more client contact then my current one" -> "than"
    rule(
        "then",
        rf"\b(?:more|less|fewer|rather|other)(?:{_GAP}{_WORD}){{0,3}}?{_GAP}(?P<wrong>then){_GAP}"
        r"(?:my|mine|the|a|an|ever|usual|expected|before|anticipated|planned|last|previous|in"
        r"|at|on)\b",
        "than",
        "{wrong!r} is about time; to compare, write {right!r}.",
    ),
    # "of it's own", "managed it's own" -> "its"
    rule(
        "it's",
        rf"(?:{_PREPOSITIONS}{_GAP}(?P<wrong>it{_APOSTROPHE}s)\b(?!{_GAP}(?:been|not|a|an|the)\b)"
        rf"|\b(?P<wrong2>it{_APOSTROPHE}s){_GAP}own\b)",
        "its",
        "{wrong!r} means 'it is' or 'it has'; the possessive is {right!r}.",
    ),
    # "your welcome to", "your going to" -> "you're"
    rule(
        "your",
        rf"\b(?P<wrong>your){_GAP}(?:welcome(?=\s*+(?:[.,;:!?]|\Z|(?:to|any|anytime|at)\b))"
        rf"|going{_GAP}to\b|not\b(?!-)|sure\b(?!-)|able{_GAP}to\b|probably\b|right{_GAP}that\b)",
        "you're",
        "{wrong!r} shows what belongs to someone; write {right!r} for 'you are'.",
    ),
    # "its clear that", "if its helpful." -> "it's"
    rule(
        "its",
        rf"\b(?P<wrong>its){_GAP}(?:{_PREDICATE_ADJECTIVES}{_AFTER_PREDICATE}"
        rf"|(?:been|not(?!-)|also(?!-)|worth{_GAP}(?:noting|mentioning|asking|it))\b"
        rf"|time{_GAP}to\b(?!{_GAP}market))",
        "it's",
        "{wrong!r} is the possessive; write {right!r} for 'it is' or 'it has'.",
        not_after=frozenset({"take", "takes", "took", "taken", "taking"}),
    ),
    # "to here from you" -> "hear"
    rule(
        "here",
        rf"\b(?:to|can|could|will|would|may|might|did|didn{_APOSTROPHE}t|cannot|can{_APOSTROPHE}t"
        rf"|couldn{_APOSTROPHE}t){_GAP}(?P<wrong>here){_GAP}"
        r"(?:about|from|how|what|whether|more|back|that)\b",
        "hear",
        "{wrong!r} is a place; to listen is {right!r}.",
    ),
    # "hearing weather the role is open" -> "whether"
    rule(
        "weather",
        r"\b(?:know|knowing|knew|hear|hearing|heard|ask|asking|asked|wonder|wondering|wondered"
        r"|decide|deciding|see|seeing|check|checking|confirm|confirming|unsure|sure|doubt|tell"
        rf"|telling|learn|learning|consider|considering|determine|determining|clarify|out)"
        rf"{_GAP}(?P<wrong>weather){_GAP}(?=(?:the|I|you|we|they|he|she|it|there|this|that|my"
        r"|your|our|their|a|an|to|any|anyone|someone|everything|all)\b)"
        rf"|\b(?P<wrong2>weather){_GAP}or{_GAP}not\b",
        "whether",
        "{wrong!r} is rain and sun; for 'if', write {right!r}.",
    ),
    # "help the team loose fewer deals" -> "lose"; "loosing" -> "losing"
    rule(
        "loose",
        rf"\b(?P<wrong>loose){_GAP}(?:fewer|more|the|a|an|our|your|their|my|his|her|its|this"
        r"|that|these|those|track|sight|touch|money|weight|momentum|interest|focus|customers"
        rf"|clients|deals|any|some|out{_GAP}on|heart|hope)\b",
        "lose",
        "{wrong!r} means not tight; the opposite of 'win' or 'find' is {right!r}.",
        not_after=word_set("cut break broke broken let set hang hung turn turned come came"),
    ),
    rule(
        "loosing",
        r"\b(?P<wrong>loosing)\b",
        "losing",
        "{wrong!r} means setting free; the opposite of 'winning' is {right!r}.",
        not_after=frozenset({"cut", "let"}),
    ),
    # "to good affect", "take affect" -> "effect"
    rule(
        "affect affects",
        r"\b(?:an|the|good|great|little|no|any|significant|lasting|immediate|desired|big|real"
        rf"|side|knock-on|net|take|takes|took|taken|taking|into){_GAP}(?P<wrong>affects?)\b"
        rf"(?!{_GAP}(?:the|my|our|your|their|his|her|its|how|me|us|them|him)\b)",
        {"affect": "effect", "affects": "effects"},
        "{wrong!r} is a verb (to influence); the result is {right!r}.",
    ),
    # "the findings effected the design" -> "affected"
    rule(
        "effected",
        rf"\b(?P<wrong>effected){_GAP}(?:the|my|our|your|their|his|her|its|how|me|us|them|him"
        rf"|many|every|all|both)\b(?!{_GAP}(?:change|changes|transfer|transfers|repairs?"
        r"|reforms?|improvements?|cure|rescue|entry|turnaround|transformation|merger|sale"
        r"|payments?)\b)",
        "affected",
        "{wrong!r} means 'brought about'; 'influenced' is {right!r}.",
    ),
    # "any advise" -> "advice"; "please advice me" -> "advise"
    rule(
        "advise",
        r"\b(?:any|some|good|great|your|my|the|his|their|our|expert|professional|career"
        rf"|practical|helpful|useful|valuable|sound|of|for|legal|financial){_GAP}"
        r"(?P<wrong>advise)\b",
        "advice",
        "{wrong!r} is the verb; the noun is {right!r}.",
    ),
    rule(
        "advice",
        r"\b(?:will|would|could|can|please|may|might|should|shall|cannot|can't|couldn't"
        rf"|wouldn't){_GAP}(?P<wrong>advice){_GAP}(?:me|you|us|him|her|them|on|whether|that"
        rf"|against|the|our|your)\b|\bto{_GAP}(?P<wrong2>advice){_GAP}(?:me|you|us|him|her|them"
        r"|whether|against)\b",
        "advise",
        "{wrong!r} is the noun; the verb is {right!r}.",
    ),
    # "any farther information" -> "further"
    rule(
        "farther",
        rf"\b(?P<wrong>farther){_GAP}(?:information|details|questions|discussions?|notice|steps"
        r"|conversations?|education|training|help|support|assistance|clarification"
        r"|consideration|developments?|updates?|reading|comments?|action|review|study|research"
        r"|thoughts|feedback|investigation|instructions|opportunities)\b",
        "further",
        "{wrong!r} is for distance; for 'more' or 'additional', write {right!r}.",
    ),
    # "hear form you", "references form me" -> "from"
    rule(
        "form",
        rf"\b(?:hear|hearing|heard|away|apart|aside){_GAP}(?P<wrong>form)\b",
        "from",
        "{wrong!r} looks like a slip for {right!r}.",
    ),
    rule(
        "form",
        rf"\b(?P<wrong>form){_GAP}(?:me|us|him|them)\b",
        "from",
        "{wrong!r} looks like a slip for {right!r}.",
        not_after=word_set(
            "i we they you he she it will would can could to should must may might did do does not"
        ),
    ),
    # "Me and my manager reduced..." -> "My manager and I"
    rule(
        "me",
        rf"\b(?P<wrong>Me{_GAP}and)(?={_GAP}(?:my|the|a|an|our|his|her|their|[A-Z]\w*+)\b)",
        lambda _wrong: "",
        "As the subject, write 'I' and put the other person first: 'My manager and I...', "
        "not 'Me and my manager...'.",
        sentence_start=True,
        ignore_case=False,
    ),
    # "Each of the nurses were" -> "was"
    rule(
        "were are have do",
        rf"\b(?:each|neither|either|one|every{_GAP}one){_GAP}of{_GAP}(?:them|us|you"
        rf"|(?:the|my|our|your|their|these|those|his|her){_GAP}{_WORD}(?<=s))"
        rf"{_GAP}(?P<wrong>were|are|have|do)\b",
        _SINGULAR_VERB,
        "The subject is one ('each', 'one', 'either'...); write {right!r}.",
        not_after=frozenset({"no", "the", "which"}),
    ),
    # "we where", "the team where clearly proud" -> "were"
    rule(
        "where",
        rf"\b(?:we|they){_GAP}(?P<wrong>where)\b"
        rf"|\b(?P<wrong2>where){_GAP}(?:very|so|extremely|really|clearly|genuinely|truly"
        rf"|incredibly|quite){_GAP}(?!(?:many|few|much|little|more|most|the|a|an|often|well)\b)"
        rf"[^\W\d_]++(?:{_GAP}(?:of|about|to|that|with|and|by|for|in)\b|\s*+[.,;!])",
        "were",
        "{wrong!r} is a place; the past of 'are' is {right!r}.",
    ),
    # "look forward to hear from you" -> "hearing"
    rule(
        "forward",
        rf"\blook(?:s|ing|ed)?{_GAP}forward{_GAP}to{_GAP}(?P<wrong>{'|'.join(_ING)})\b",
        _ING,
        "After 'look forward to', write {right!r}.",
    ),
    # "peaked my interest" -> "piqued"
    rule(
        "peaked peeked",
        rf"\b(?P<wrong>peaked|peeked){_GAP}(?:my|your|his|her|our|their){_GAP}"
        r"(?:interest|curiosity)\b",
        "piqued",
        "Interest is {right!r}, not {wrong!r}.",
    ),
    # "to follow-up with" -> "follow up"
    rule(
        "follow followup",
        rf"\b(?:to|will|would|I{_APOSTROPHE}ll|I{_APOSTROPHE}d|we{_APOSTROPHE}ll|please|can"
        rf"|could|should){_GAP}(?P<wrong>follow-up|followup)\b(?!{_GAP}(?:notes?|emails?|calls?"
        r"|letters?|meetings?|messages?|interviews?|questions?|appointments?|visits?|surveys?"
        r"|care|work|actions?|items?|tasks?|steps?)\b)",
        "follow up",
        "The verb is {right!r} (two words); 'a follow-up' is the noun.",
    ),
    # "Thank-you for" -> "Thank you"
    rule(
        "thank",
        rf"\b(?P<wrong>thank-you){_GAP}(?:for|so|again|very|both|all|everyone)\b",
        "thank you",
        "The verb is {right!r} (two words); 'a thank-you' is the noun.",
        not_after=word_set("a the my this that our quick short small big"),
    ),
    # "I check it everyday." -> "every day"
    rule(
        "everyday",
        r"\b(?P<wrong>everyday)(?=\s*+(?:[.,;!?]|\Z)|\s++(?:at|in|for|and|to|from|since|until"
        r"|with|on|of|this|that|last|next|as|so|but|because|when|while|or|I|we|they|he|she|it)\b)",
        "every day",
        "{wrong!r} means ordinary; 'each day' is {right!r}.",
    ),
    # "and than" -> "and then"
    rule(
        "than",
        rf"\b(?:and|but|since|until|back|just|right){_GAP}(?P<wrong>than)\b",
        "then",
        "{wrong!r} compares; for a time or a next step, write {right!r}.",
    ),
    # "is suppose to" -> "supposed"
    rule(
        "suppose",
        rf"\b(?:is|are|was|were|am|be|been|being|not){_GAP}(?P<wrong>suppose){_GAP}to\b",
        "supposed",
        "Write {right!r}: 'be supposed to'.",
    ),
)

# British English writes "analyse", whatever it does with "-ise"/"-ize".
_BRITISH_YSE = rule(
    None,
    r"\b(?P<wrong>(?:analy|paraly|cataly|dialy|electroly|hydroly|breathaly)z(?:e|ed|es|ing|er|ers))\b",
    lambda wrong: wrong.replace("z", "s").replace("Z", "S"),
    "{wrong!r} is the American spelling; in British English write {right!r}.",
)


def confusion_findings(tokens: Tokens, english: English) -> Iterator[Finding]:
    """The findings of every rule in :data:`CONFUSIONS` (and British "-yse" in UK English)."""
    starts = {tokens.words[index].start() for index in tokens.sentence_starts}
    present = {normalized(match.group()) for match in tokens.words}
    rules = (*CONFUSIONS, _BRITISH_YSE) if english == "UK" else CONFUSIONS
    for confusion in rules:
        if confusion.triggers is None or not confusion.triggers.isdisjoint(present):
            yield from confusion.findings(tokens, starts)
