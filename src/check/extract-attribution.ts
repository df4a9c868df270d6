// Tells forecasts and opinions from checkable statements. "X predicts ...", "an analyst, pointing
// to a study, says ... might ..." are someone's view of the future: airace reports them as not
// checkable rather than pretending a filing could confirm them. A person reporting a past figure
// ("the CFO said capex was $X") stays checkable; so does a company's own plan ("set to spend").
import type { Attribution, Span } from './claim.js';

const PERSON_VERBS = String.raw`predicted|predicts|predict|forecasts?|forecasted|believes|believe|argued|argues|argue|claimed|claims|estimated|estimates|estimate|reckon|suggests|suggested|suggest|warned|warns|said|says|thinks|think|projected|projects|highlights|highlighted|expects|expected|reckons|speculated|envisions|envisioned|sees|saw`;
/** Roles before a name ("CEO Eddie Wu", "analyst Jane Doe"), capitalised or not. */
const ROLE = ['CEO', 'CFO', 'CTO', 'chief executive(?: officer)?', 'chief financial officer', 'founder', 'co-?founder', 'cofounder', 'chairman', 'chairwoman', 'chair', 'president', 'analyst', 'economist', 'strategist', 'investor']
  .map((r) => `[${r[0]!.toUpperCase()}${r[0]!.toLowerCase()}]${r.slice(1)}`)
  .join('|');
const NAME = String.raw`[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}`;
/** Capitalised words that open sentences or name things, not people. */
const NOT_FIRST_NAMES = new Set('The This That These Those With But And In On At For Yet Still However Moreover Additionally If As It Its Tech Chinese American Big What Why How When Where Hong New Wall Street Cloud Group'.split(' '));

const ACCORDING = /\b(?:according to|citing|cited by)\s+((?:the\s+)?[\w’'-]+(?:\s+(?!that\b|which\b|who\b|to\b)[\w’'-]+){0,2})/i;
const ROLE_NAME = new RegExp(String.raw`\b(?:${ROLE})\s+(${NAME})\b`);
const NAME_VERB = new RegExp(String.raw`\b(${NAME})(?:,[^,.;]{1,80},)?\s+(?:\w+\s+){0,2}(?:${PERSON_VERBS})\b`, 'g');
// "telling investors it now expects …": the people told are the audience, not the source.
const PLURAL_SOURCES = new RegExp(String.raw`(?<!\b(?:tell(?:ing|s)?|told|inform(?:ed|ing|s)?|assur(?:ed|ing|es)?|reassur(?:ed|ing|es)?|remind(?:ed|ing|s)?|warn(?:ed|ing|s)?)\s+(?:the\s+|its\s+|their\s+)?)\b(analysts|economists|experts|researchers|investors|observers|critics|strategists|research|studies|a study|a report)\s+(?:\w+\s+){0,2}(?:${PERSON_VERBS})\b`, 'i');

const MODAL = /\b(?:[Cc]ould|[Mm]ight|[Ww]ould|may)\b/;
/** The writer's own guess, anywhere in the clause ("they're prob doing RMB 60bn+ this Q imo"). */
const OWN_GUESS = /\b(?:imo|imho|i\s+think|i\s+reckon|i\s+bet|i\s+guess|i\s+estimate|i['’]d\s+(?:say|guess|bet)|(?:my|our)\s+(?:guess|bet|estimate|reckoning)|probably|prob)\b/i;
/** A company's own officers speak for it. */
const OFFICER = /\b(?:CEO|CFO|COO|chief\s+(?:executive|financial|operating)(?:\s+officer)?|president|chairman|chairwoman|chair|executives?|management|the\s+company)\b/i;
const FORECAST_WORDS = /\b(?:predict\w*|forecast\w*|expect\w*|projected|projects\s+(?:that|to)|projections?|estimat\w*|suggest\w*|believ\w*|anticipat\w*|envision\w*|will)\b/i;

/** A named person the text attributes words to ("Eddie Wu highlights", "CEO Eddie Wu"). Company names are not people. */
function namedPerson(text: string, isCompany: (name: string) => boolean): string | null {
  const role = ROLE_NAME.exec(text);
  if (role) return role[1]!;
  for (const m of text.matchAll(NAME_VERB)) {
    const name = m[1]!;
    const first = name.split(/\s+/)[0]!;
    if (NOT_FIRST_NAMES.has(first) || name.split(/\s+/).some((w) => isCompany(w))) continue;
    return name;
  }
  return null;
}

/** An unnamed source: "citing a study", "according to analysts", "some investors think". */
function namedSource(text: string, isCompany: (name: string) => boolean): string | null {
  const acc = ACCORDING.exec(text);
  // "according to the company" or "its filings" is the company's own statement, checkable like any other.
  const own = /^(?:the\s+)?(?:company|firm|group|filings?|releases?|results|its|their|statements?|earnings|annual|quarterly)\b/i;
  if (acc && !own.test(acc[1]!) && !isCompany(acc[1]!.replace(/^the\s+/i, '').split(/\s+/)[0]!)) return acc[1]!.trim();
  const plural = PLURAL_SOURCES.exec(text);
  return plural ? plural[1]! : null;
}

/** Whom a text attributes its content to: a person (with the source they cite), else a source, else null. */
export function attributedTo(text: string, isCompany: (name: string) => boolean, clause: string = text): string | null {
  const person = namedPerson(text, isCompany);
  const source = namedSource(clause, isCompany) ?? namedSource(text, isCompany);
  if (person && source && /^(?:citing|according)/i.test(ACCORDING.exec(clause)?.[0] ?? '')) return `${person}, citing ${source}`;
  return person ?? source;
}

/**
 * Whether a figure in `clause` is a forecast or opinion. A modal ("could", "might") or a forecast
 * verb makes it one; it is attributed to a person when this sentence, or for a modal the previous
 * one ("Jane Doe points to a study ... That might ..."), attributes it.
 */
export function attributionFor(masked: string, clause: Span, sentence: Span, previous: Span | null, isCompany: (name: string) => boolean, figureStart: number = clause.end, companyPlan = false): Attribution | null {
  const clauseText = masked.slice(clause.start, clause.end);
  const sentenceText = masked.slice(sentence.start, sentence.end);
  // A modal governs a figure only when it stands before it: "closed the year with $716.9 billion ... and said it would keep spending" reports a result.
  const modal = MODAL.exec(masked.slice(clause.start, Math.max(clause.start, figureStart)));
  // Forecast words count in the figure's own clause: "spent $44.5 billion, analysts said, and is expected to spend more" reports a past figure.
  const forecast = FORECAST_WORDS.exec(clauseText);
  // Near the figure, and not across a full stop the sentence splitter let through ("… RMB129bn. they're prob doing …").
  const before = masked.slice(Math.max(clause.start, figureStart - 40), figureStart).split(/[.;!?]\s/).pop()!;
  const after = masked.slice(figureStart, Math.min(clause.end, figureStart + 50)).split(/[.;!?]\s/)[0]!;
  const guess = OWN_GUESS.exec(`${before}${after}`);
  // ("about RMB 30bn by my estimate": the estimate is the writer's own, not a forecast someone else made.)
  if (guess && !modal && (!forecast || guess[0].toLowerCase().includes(forecast[0].toLowerCase()))) return { reason: 'opinion', who: null, words: guess[0] };
  if (!modal && !forecast) return null;
  // The clause's own source first ("..., and some investors think ... could"), then the sentence's, then for a modal the previous sentence's.
  const own = namedSource(clauseText, isCompany);
  const person = namedPerson(sentenceText, isCompany);
  const who =
    (person ? attributedTo(sentenceText, isCompany, clauseText) : own) ??
    attributedTo(sentenceText, isCompany) ??
    (modal && previous ? attributedTo(masked.slice(previous.start, previous.end), isCompany) : null);
  // A company's own plan, stated by the company or one of its officers ("Chief executive Andy Jassy said Amazon expects to invest"), is guidance, checked as such.
  if (companyPlan && (!who || OFFICER.test(sentenceText.slice(0, sentenceText.indexOf(who) + 1 || undefined)))) return null;
  if (who) return { reason: 'forecast attributed to a person', who, words: (modal ?? forecast)![0] };
  if (modal) return { reason: 'opinion', who: null, words: modal[0] };
  return null;
}

/** A sentence that reports someone's prediction without a figure ("X predicts that the boom will last"). */
export function attributedPrediction(masked: string, sentence: Span, isCompany: (name: string) => boolean): Attribution | null {
  const text = masked.slice(sentence.start, sentence.end);
  const verb = /\b(?:predicted|predicts|forecast|forecasts|forecasted|prophesied|projected)\b/i.exec(text);
  if (!verb) return null;
  const who = attributedTo(text, isCompany);
  return who ? { reason: 'forecast attributed to a person', who, words: verb[0] } : null;
}
