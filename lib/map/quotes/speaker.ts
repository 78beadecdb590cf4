/**
 * Who is being quoted: a guess to prefill the speaker of a node made from a quote (always
 * editable). News prose names the speaker next to their words: `"…," said Fu Liang`,
 * `"…," Fu Liang told the paper`, `Rice noted that …`, `Gartner: "…"`, or `"…," she said` after
 * naming them earlier. Every pattern runs on a short window around the quote, so the cost does
 * not grow with the text.
 */

const VERBS =
  "said|says|told|tells|added|adds|noted|notes|wrote|writes|argued|argues|stated|states|warned|warns|explained|explains|" +
  "claimed|claims|asked|asks|insisted|insists|reflected|reflects|remarked|remarks|declared|declares|replied|replies|" +
  "suggested|suggests|contended|contends|maintained|maintains|acknowledged|acknowledges|believes|believed|observed|observes";
/** One to four capitalised words ("Fu Liang", "Condoleezza Rice"); no spaces inside a word, so no backtracking blow-up. */
const NAME = "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?: \\p{Lu}[\\p{L}\\p{M}'’.-]*){0,3}";
const CLOSE = `\\s*[,.!?]?\\s*["”’']?\\s*,?\\s*`;

const AFTER_VERB_NAME = new RegExp(`^${CLOSE}(?:${VERBS}) (${NAME})`, "u");
const AFTER_NAME_VERB = new RegExp(`^${CLOSE}(${NAME})(?:, [^,"“”\\n]{1,80},)? (?:${VERBS})\\b`, "u");
const AFTER_ACCORDING = new RegExp(`^[^.!?"“”\\n]{0,60}?according to (${NAME})`, "u");
const AFTER_PRONOUN = new RegExp(`^${CLOSE}(?:(?:he|she|they) (?:${VERBS})|(?:${VERBS}) (?:he|she|they))\\b`, "u");
const BEFORE_NAME_VERB = new RegExp(`(${NAME}),? (?:${VERBS})(?: (?:that|on|in|at|to [\\p{L} ]{1,30}))?\\s*[:,]?\\s*["“]?\\s*$`, "u");
const BEFORE_LABEL = new RegExp(`(${NAME}):\\s*["“]?\\s*$`, "u");
const NAME_VERB_ANYWHERE = new RegExp(`(${NAME}),? (?:${VERBS})\\b`, "gu");

/** Words that start a sentence or stand for someone, never a name on their own. */
const NOT_NAMES = new Set(
  ("The This That These Those It He She They We I You Our Their His Her Its But And Or So Of In On At As A An If When While " +
    "Once There Here Then Yet Still Also Speaking According Meanwhile However").split(" "),
);

const WINDOW_AFTER = 160;
const WINDOW_BEFORE = 200;
const WINDOW_EARLIER = 1_500;

/** The likely speaker of text[start..end), or "" when the prose does not say. */
export function guessSpeaker(text: string, start: number, end: number): string {
  const after = text.slice(end, end + WINDOW_AFTER);
  const before = text.slice(Math.max(0, start - WINDOW_BEFORE), start);
  for (const [pattern, window] of [
    [AFTER_VERB_NAME, after],
    [AFTER_NAME_VERB, after],
    [BEFORE_NAME_VERB, before],
    [BEFORE_LABEL, before],
    [AFTER_ACCORDING, after],
  ] as const) {
    const name = cleanName(pattern.exec(window)?.[1]);
    if (name) return name;
  }
  // "…," she said: the person named most recently as saying something.
  if (AFTER_PRONOUN.test(after)) {
    let last = "";
    for (const match of text.slice(Math.max(0, start - WINDOW_EARLIER), start).matchAll(NAME_VERB_ANYWHERE)) last = cleanName(match[1]) || last;
    return last;
  }
  return "";
}

/** Drops leading non-names ("She", "The"), and keeps the last two words of a long title ("Aliyun President Simon Hu" → "Simon Hu"). */
function cleanName(raw: string | undefined): string {
  if (!raw) return "";
  const words = raw.split(" ").filter(Boolean);
  while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
  // A full stop that ends the sentence is not part of the name (an initial such as "J." is).
  return words
    .slice(-2)
    .join(" ")
    .replace(/(\p{L}{2,})[.'’-]+$/u, "$1");
}
