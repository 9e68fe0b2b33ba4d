"""How English writes about results: the cue phrases that say what a number is.

Patterns ending in `$` are read backwards from a number (they match the text just before it);
patterns starting with `^` read forwards from its end. Everything is case-insensitive.
"""

from __future__ import annotations

import re

I = re.IGNORECASE


def _before(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})\W*$", I)


def _after(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:{pattern})", I)


def _anywhere(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", I)


# -- clauses: where one claim's context ends -----------------------------------------------------
# Participles that open a clause sharing the main clause's subject: "Khan won, taking 40 per cent".
PARTICIPLES = (r"taking|winning|securing|polling|gaining|finishing|picking\s+up|getting|receiving|claiming|collecting|"
               r"scoring|bagging|grabbing|ending\s+(?:up\s+)?(?:on|with)")
CLAUSE_BREAK = re.compile(
    r";|\s[–—-]\s|, (?:\w+ )?(?=(?:after|while|whereas|but|although|though|compared|against|followed|"
    r"ahead|behind|down|up|a majority|a margin|beating|giving|leaving|"
    r"closer|narrower|meaning|making|well|far|just|only|" + PARTICIPLES + r")\b)",
    I,
)

# -- rounds -------------------------------------------------------------------------------------
FIRST_ROUND = _anywhere(
    r"first[\s-]*(?:preference|pref|choice|round|count|ballot)s?|1st[\s-]*(?:preference|choice|round)s?|"
    r"initial\s+(?:count|round)|first\s+preferences?\s+alone|before\s+(?:second|2nd)[\s-]preferences")
FINAL_ROUND = _anywhere(
    r"(?:after|with|including|once|when)\s+(?:the\s+)?(?:second|2nd)[\s-]*(?:preference|choice)s?(?:\s+votes?)?"
    r"(?:\s+(?:were|was|had\s+been)\s+(?:included|counted|added|taken\s+into\s+account|redistributed|distributed))?|"
    r"(?:second|2nd)[\s-]*(?:preference|choice)s?\s+(?:votes\s+)?(?:were\s+)?(?:included|counted|added|taken\s+into\s+account)|"
    r"final\s+(?:round|count|tally|total|result|stage|figures?)|second\s+(?:round|count|stage)|run-?off|"
    r"after\s+transfers|head[\s-]to[\s-]head|\(\s*total\s*\)|in\s+total|overall\s+total")
TRANSFER_BEFORE = _before(r"\(\s*(?:second|2nd)\s+(?:round|preferences?|count)\s*\)|\btransfers?\s+(?:of\s+)?|"
                          r"\btransferred\s+")
TRANSFER_AFTER = _after(r"(?:more\s+|extra\s+|additional\s+)?(?:second|2nd)[\s-]*(?:preference|choice)s?(?:\s+votes)?"
                        r"(?!\s+(?:were|was)\s+(?:included|counted))|transfers?\b|transferred")
EQUALS_AFTER = re.compile(r"^\s*=", I)

# -- what a figure is ---------------------------------------------------------------------------
MARGIN_BEFORE = _before(
    r"(?:majority|margin|lead|gap|advantage|victory\s+margin|winning\s+margin)(?:\s+of)?(?:\s+(?:just|only|some|a\s+mere))?|"
    r"(?:majority|margin|lead|gap)(?:\s+(?![\d£$])[\w’'-]+){0,4}?\s+(?:was|were|is|of|stood\s+at|at|to|:)"
    r"(?:\s+(?:just|only|some|a\s+mere))?|"
    r"\b(?:won|win|wins|winning|beat|beating|beats|defeated|defeating|ahead|led|leads|lead|leading|trailed|trailing|"
    r"lost|losing|trounced|trouncing|thrashed|thrashing|edged|edging|pipped|pipping|outpolled|outpolling|clear|"
    r"victory|triumphed|romped|cruised|squeaked|scraped)\b(?:\s+\S+){0,8}?\s+by(?:\s+(?:just|only|some|a\s+mere))?|"
    r"^\s*by(?:\s+(?:just|only|some))?")
MARGIN_AFTER = _after(
    r"[\s-]*votes?[\s-]+(?:majority|margin|lead|win|victory|gap|advantage|ahead|clear|behind|short)|"
    r"(?:point|percentage[\s-]point)s?\s+(?:majority|margin|lead|win|victory|gap|advantage|ahead|clear|behind)|"
    r"(?:majority|margin|lead|win|victory|gap|advantage)\b|(?:points?|votes?)?\s*(?:ahead|clear)\b")
VOTES_AFTER = _after(r"(?:first[\s-]preference\s+|second[\s-]preference\s+|first[\s-]choice\s+)?votes?\b")
CHANGE_BEFORE = _before(
    r"\b(?:up|down|rose|fell|risen|fallen|increased?|decreased?|dropped|climbed|gained|slipped|improved|"
    r"change|rise|fall|drop|increase|decrease|improvement|swing)\b(?:\s+(?:of|by))?(?:\s+(?:just|only|some))?")
CHANGE_AFTER = _after(r"(?:percentage\s+)?(?:points?\s+)?(?:up|down|higher|lower|increase|decrease|rise|fall|"
                      r"improvement|drop|swing|on\s+(?:2\d{3}|the\s+last|last\s+time|four\s+years))\b")
FROM_BEFORE = _before(r"\b(?:down|up|fallen|risen|rose|fell|dropped|climbed|slipped|increased|decreased|cut|"
                      r"reduced|grew|shrunk|shrank)\s+from|\bfrom\s+a\s+(?:high|peak|low)\s+of")
SWING = _anywhere(r"swing")
TURNOUT = _anywhere(r"turnout|turned\s+out|turn[\s-]out|went\s+to\s+the\s+polls|cast\s+(?:a|their)\s+(?:vote|ballot)s?")
ELECTORATE = _anywhere(r"electorate|registered\s+(?:voters|electors)|eligible\s+(?:voters|to\s+vote)|"
                       r"on\s+the\s+(?:electoral\s+)?register|electors")
REJECTED = _anywhere(r"rejected|spoilt|spoiled|invalid|void|blank\s+(?:papers|ballots)")
VALID = _anywhere(r"valid\s+(?:votes|first[\s-]preferences?|ballots)|good\s+votes")
BALLOTS = _anywhere(r"ballot\s+papers|ballots\s+(?:were\s+)?(?:cast|counted|issued|verified)|votes\s+(?:were\s+)?cast|"
                    r"papers\s+(?:were\s+)?counted|people\s+voted|londoners\s+voted|voters\s+cast")
CANDIDATES_AFTER = _after(r"(?:\w+\s+){0,2}?(?:candidates|contenders|hopefuls|runners|names\s+on\s+the\s+ballot|"
                          r"people\s+(?:stood|standing|ran|running))\b")
CANDIDATES_BEFORE = _before(r"field\s+of|(?:total|record|list)\s+of")
DEPOSIT = _anywhere(r"deposits?")
DEPOSIT_LOST = _anywhere(r"lost|lose|loses|losing|forfeit(?:ed|s)?|forced\s+to\s+(?:repay|hand\s+back|give\s+up)|"
                         r"(?:failed|fail)\s+to\s+(?:keep|retain|save)|did\s+not\s+(?:keep|retain|save)")
THRESHOLD = _anywhere(r"required|threshold|needed|necessary|to\s+(?:keep|retain|save|avoid\s+losing)|minimum|"
                      r"qualify|cut-?off")
SEATS = _after(r"(?:\w+\s+){0,2}?(?:seats?|councillors?|assembly\s+members?|AMs|MPs|wards?|boroughs?|councils?)\b")

# -- figures that are not about this result -----------------------------------------------------
POLL = _anywhere(r"polls?|polling|opinion\s+polls?|survey(?:s|ed)?|yougov|ipsos|mori|savanta|comres|opinium|"
                 r"survation|redfield|deltapoll|techne|panelbase|forecasts?|projections?|projected|predicted|"
                 r"predicts?|predicting|bookmakers?|odds")
POLL_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:in|according\s+to|by|from)\s+(?:a|an|the|one|some|latest)?\s*"
                        r"(?:\w+\s+){0,3}?(?:poll|survey|forecast|projection)s?\b", I)
NATIONAL = _anywhere(r"nationally|national\s+(?:polls?|vote|share)|across\s+(?:the\s+country|england|britain|the\s+uk)|"
                     r"general\s+election|in\s+(?:scotland|wales|england)|outside\s+(?:the\s+capital|london)|"
                     r"local\s+elections|by-election|council\s+elections|assembly\s+(?:election|vote|seats)|"
                     r"london-wide\s+list|list\s+vote|constituency\s+vote\s+for\s+the\s+assembly")
# Another contest in the same article: Assembly, councils, Parliament, other mayoralties.
OTHER_CONTEST = re.compile(
    r"\b(?:assembly\s+(?:members?|candidates?|seats?|elections?|votes?|results?|list|race|contest)|"
    r"london-wide\s+(?:list|assembly)|AMs?\b|councillors?|council\s+(?:seats?|elections?|candidates?)|"
    r"general\s+election|by-?election|MPs?\b|parliamentary|police\s+and\s+crime\s+commissioner|PCC\b|"
    r"metro\s+mayor|combined\s+authority|mayor\s+of\s+(?!London\b)(?-i:[A-Z])\w+|(?:greater\s+manchester|west\s+midlands|"
    r"liverpool|west\s+yorkshire|tees\s+valley|north\s+of\s+tyne|bristol|cambridgeshire|south\s+yorkshire|"
    r"east\s+midlands|north\s+east|york\s+and\s+north\s+yorkshire)\s+mayor(?:alty|al)?)", re.IGNORECASE)
# A figure that is forecast, needed or hoped for is not a result.
FORECAST = re.compile(r"\b(?:would|could(?!\s+(?:only|manage|muster|scrape|not))|might|expected\s+to|likely\s+to|on\s+course|set\s+to|forecasts?|"
                      r"projected|predicted|predicts?|targets?|targeting|hopes?\s+to|hoping\s+to|needs?\s+to|needed|"
                      r"aiming|aims?\s+to|required|requires?|tipped)\b", re.IGNORECASE)
THIS_TIME = _anywhere(r"this\s+time|this\s+year|on\s+this\s+occasion|now")
HYPOTHETICAL = _anywhere(r"would|could|might|if|hop(?:e|es|ed|ing)\s+to|expected|expects|likely|aim(?:s|ed)?\s+to|"
                         r"needs?\s+to|target|bid\s+to|tipped|wants?\s+to|wanted\s+to|seeks?\s+to|sought\s+to")
NEGATION = _anywhere(r"not|never|no|failed\s+to|without")

# -- ranks, comparisons, winners ----------------------------------------------------------------
RANK_BEFORE = _before(r"\b(?:came|come|comes|coming|finished|finish|finishes|finishing|placed|ended(?:\s+up)?|"
                      r"was|were|is|are|in|into|to|took|taking|claimed|claiming|secured|securing)"
                      r"(?:\s+(?:a|the|in|at))?(?:\s+(?:distant|close|strong|respectable|disappointing|creditable|"
                      r"surprise|joint|equal|narrow))?")
RANK_AFTER_PLACE = _after(r"place\b|position\b|spot\b")
RANK_AFTER_END = re.compile(r"^\s*(?:[,.;:)–—-]|$|with\b|behind\b|ahead\b|on\b|after\b|in\s+(?:the\s+)?(?:race|contest|"
                            r"first\s+round|constituency|count|poll\b)|overall\b|place\b|position\b|and\b|as\b|but\b|"
                            r"while\b|despite\b|for\s+the\b|of\s+(?:the\s+)?\d+\b)", I)
RANK_FORCED = _before(r"\b(?:beat|beating|beaten|pushed|pushing|push|relegated|relegating|knocked|knocking|"
                      r"forced|forcing|squeezed|squeezing|bumped)\b.{0,60}?\binto(?:\s+(?:a|the))?(?:\s+(?:distant|close))?")
RUNNER_UP = _anywhere(r"runners?[\s-]up")
MORE_VOTES_THAN = re.compile(r"\b(?:won|got|received|polled|secured|took|gained|attracted)\s+more\s+"
                             r"(?:first[\s-]preference\s+|second[\s-]preference\s+)?votes\s+than\b|\boutpolled\b|"
                             r"\b(?:finished|came|ended(?:\s+up)?|was|were|placed|polled)\s+(?:\w+\s+){0,2}?ahead\s+of\b|"
                             r"\bahead\s+of\b", I)
FEWER_VOTES_THAN = re.compile(r"\b(?:won|got|received|polled|secured|took)\s+fewer\s+(?:\w+\s+)?votes\s+than\b|"
                              r"\b(?:finished|came|ended(?:\s+up)?|was|were|placed|trailed|trailing|trails)\s+"
                              r"(?:\w+\s+){0,2}?behind\b|\btrailed\b|\blost\s+(?:out\s+)?to\b|\bwas\s+beaten\s+by\b",
                              I)
BEAT = re.compile(r"\b(?:beat|beats|beating|defeated|defeating|defeats|ousted|ousting|saw\s+off|edged\s+out|edging\s+out|"
                  r"trounced|trouncing|thrashed|thrashing|pipped|pipping|outpolled|outpolling|squeezed\s+out)\b", I)
WINNER = re.compile(r"\b(?:(?:has\s+been|was|is|been|got|being)\s+(?:(?:first|duly|comfortably|narrowly|easily|"
                    r"finally|officially|again)\s+)?(?:re-?)?elected|(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?"
                    r"(?:mayor|Mayor)|(?:won|wins|win|secured|secures|clinched|clinches|claimed|claims)\s+(?:a|an|another|"
                    r"his|her|the)\s+(?:(?:second|third|fourth|2nd|3rd|4th|historic|record|new|further|consecutive|successive|"
                    r"straight|full|four-year|landslide|comfortable|narrow|resounding|convincing|decisive)\s+)*"
                    r"(?:term|election|mayoralty|"
                    r"race|contest|victory)|(?:won|wins|win)\s+re-?election)", I)
# Any word that can start a claim without a number; a sentence without one needs no further look.
WORD_CLAIM_TRIGGER = re.compile(r"runner|more\s|fewer\s|outpolled|ahead|behind|trail|lost|beat|defeat|ousted|saw\s+off|"
                                r"edg|troun|thrash|pipp|squeezed|elect|won|win|secur|clinch|claim|deposit|keep|kept|"
                                r"retain|saved|held", I)
ROLE_WINNER = _anywhere(r"the\s+winner|the\s+victor|the\s+winning\s+candidate")
ROLE_RUNNER_UP = _anywhere(r"the\s+runner[\s-]up|the\s+second[\s-]placed\s+candidate")
PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", I)

# -- which election -----------------------------------------------------------------------------
TERM = re.compile(r"\b(?P<n>second|third|fourth|2nd|3rd|4th)\s+(?:consecutive\s+|successive\s+|straight\s+|"
                  r"four-year\s+|full\s+)?term\b", I)
REELECTED = _anywhere(r"re-?elect(?:ed|ion)|held\s+on|hold\s+on|retain(?:ed|s)?|kept\s+(?:his|her)\s+job|another\s+term|"
                      r"(?:second|third|fourth)\s+(?:successive|consecutive|straight)\s+(?:win|victory|term)")
YEARS_LATER = re.compile(r"\b(?P<n>two|three|four|five|six|eight|\d)\s+years\s+(?P<dir>later|on|after(?:wards)?|earlier|before)\b", I)
THE_CONSTITUENCY = _anywhere(r"the\s+constituency|the\s+seat|there")
PREVIOUS_ELECTION = _anywhere(r"last\s+time|at\s+the\s+last\s+election|the\s+previous\s+election|"
                              r"(?:four|five|three)\s+years\s+(?:ago|earlier)|in\s+the\s+last\s+(?:contest|election|race)")
DATELINE = re.compile(r"\b(?:date|published|posted|updated|first\s+published)\b\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2}|"
                      r"\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})", I)
SINCE_BEFORE = _before(r"\bsince|\bbefore|\buntil|\bpostponed\s+from|\bdelayed\s+from")
LONDON_WIDE = _anywhere(r"across\s+london|london-wide|overall|across\s+the\s+capital|city-wide|citywide")

# -- next to a figure: what the words around it say it counts (read by claim building) -----------
ELECTION_WORDS = re.compile(r"vot|elect|ballot|mayor|candidat|count|preference|turnout|majority|margin|share|"
                            r"result|\bwon\b|\bwin|beat|defeat|deposit|runner|place", I)
VOTE_VERB_BEFORE = re.compile(r"\b(?:polled|poll|won|wins|win|took|takes|received|receives|got|gets|secured|"
                              r"gained|attracted|garnered|scored|amassed|collected|picked\s+up|tallied|bagged|"
                              r"manage|managed|muster|mustered|scraped|scrape|drew|notched\s+up|"
                              r"grabbed|claimed|took\s+home|with|had|on|against|versus|vs)\b[^.;]{0,40}$", I)
BACKED_AFTER = re.compile(r"^\s+(?:londoners|voters|people|electors)\s+(?:backed|voted\s+for|supported|chose|picked)\b",
                          I)
TOTAL_BEFORE = re.compile(r"\b(?:total|tally|haul|count|vote)\s+(?:was|of|stood\s+at|reached|:)\s*$", I)
# "X took 44 per cent ..., and won 51.5 per cent": a second verb shares the sentence's subject
AND_VERB = re.compile(r",?\s+and\s+(?:then\s+|also\s+)?(?:won|took|polled|got|secured|finished|came|received|had|"
                      r"gained|claimed|picked\s+up)\b[^,;]{0,40}$", I)
FOR_ANCHOR = re.compile(r"^\s+(?:votes?\s+|first[\s-]preferences?\s+)?(?:for|to|going\s+to)\s+(?:the\s+)?$", I)
SCORELINE = re.compile(r"^\s*(?:votes?\s+|per\s*cent\s+|%\s*|pc\s+)?(?:to|v\.?|vs\.?|versus|against)\s*$", I)
# "won by 70 votes", "beat her by just 3,000 votes": "by" with a vote count is a margin
BY_BEFORE = re.compile(r"\bby\s+(?:just\s+|only\s+|some\s+|a\s+mere\s+)?$", I)
FOR_PLACE = re.compile(r"\b(?:to|for)\s+(?:a\s+|the\s+)?(?:distant\s+|close\s+)?$", I)
BASE_BEFORE_YEAR = re.compile(r"\b(?:on|from|since|than|compared\s+(?:with|to)|against)\s+(?:[\w’'.-]+\s+){0,3}$", I)
SHARE_CONTEXT = re.compile(r"vot|share|ballot|poll|\bwon\b|\bwin|took|receiv|secur|got\b|gain|preference|"
                           r"support|backing|backed|result|count|elect|finish|\bcame\b|place|trail|behind|ahead|"
                           r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b|runner|mandate|"
                           r"landslide|victory|defeat|beat|\bled\b|lead", I)
# Between a name and its figure in a results line: "Khan (Lab) 1,013,721", "Sian Berry, Green: 197,976".
GLUE = re.compile(r"^(?:['’]s?)?\s*(?:\([^)]{0,40}\)|,\s*[^,:;.\d]{1,45}:)?\s*[:,–-]?\s*(?:\([^)]{0,25}\)\s*)?"
                  r"(?:on|at|with|polled|got|won|took|received|secured|had|scored)?\s*$", I)
# "the first two candidates", "the top three": a part of the field, not its size.
PART_OF_FIELD = re.compile(r"\b(?:first|top|last|leading|main|other|remaining|final|both|major|front-?running|"
                           r"bottom|two|three)\s+$", I)
NEGATIVE = re.compile(r"\b(?:down|fell|fallen|dropped|decrease[ds]?|lost|slipped|lower|fall|drop|shrank|"
                      r"shrunk|declined?|cut|reduced)\b", I)
POSITIVE = re.compile(r"\b(?:up|rose|risen|increase[ds]?|gained|climbed|higher|rise|grew|improved)\b", I)
LOST_OWN_DEPOSIT = re.compile(r"\b(?:lost|lose|loses|losing|forfeited|forfeit|forfeits)\s+(?:his|her|their|the)\s+"
                              r"(?:£[\d,]+\s+)?deposits?\b", I)
KEPT_OWN_DEPOSIT = re.compile(r"\b(?:kept|keep|keeps|retained|retain|saved|save|held\s+onto)\s+(?:his|her|their|the)\s+"
                              r"(?:£[\d,]+\s+)?deposits?\b", I)
# Totals named next to a figure, read backwards (BEFORE, ending at the figure) or forwards (AFTER).
REJECTED_BEFORE = re.compile(r"(?:rejected|spoilt|spoiled|invalid|void)\s+(?:ballot\s+)?(?:papers|ballots|votes)?\s*"
                             r"(?:numbered|totalled|of|were|was|:)?\s*$", I)
REJECTED_AFTER = re.compile(r"^\s+(?:ballot\s+)?(?:papers|ballots|votes)?\s*(?:were\s+)?(?:rejected|spoilt|spoiled|"
                            r"declared\s+invalid|void)", I)
ELECTORATE_BEFORE = re.compile(r"(?:electorate|registered\s+voters|electors|eligible\s+voters)\s*(?:of|was|were|"
                               r"stood\s+at|numbered|totalled|:)?\s*$", I)
ELECTORATE_AFTER = re.compile(r"^\s+(?:registered\s+voters|electors|(?:[\w’'-]+\s+){0,2}(?:were\s+|are\s+)?"
                              r"(?:registered|eligible)\s+(?:to\s+vote|voters|electors)\b)", I)
BALLOTS_BEFORE = re.compile(r"(?:turnout|ballot\s+papers|ballots\s+cast|votes\s+cast|papers\s+counted)\s*(?:of|was|"
                            r"were|stood\s+at|totalled|:)?\s*$", I)
BALLOTS_AFTER = re.compile(r"^\s+(?:people\s+|voters\s+|londoners\s+)?(?:turned\s+out|voted\b|cast\s+(?:a|their)\s+"
                           r"(?:vote|ballot))|^\s+(?:ballot\s+papers|ballots|votes)\s+(?:were\s+)?(?:cast|counted|issued|"
                           r"verified)", I)
VALID_BEFORE = re.compile(r"valid\s+(?:votes|first[\s-]preferences?|ballots)\s*(?:of|was|were|totalled|:)?\s*$", I)
VALID_AFTER = re.compile(r"^\s+valid\s+(?:votes|first[\s-]preferences?|ballots)", I)
PARTICIPLE_CLAUSE = re.compile(rf",\s+(?:\w+ly\s+)?(?:{PARTICIPLES})\b", I)
