/**
 * Where a pattern occurs in a text, in time linear in both whatever they hold (Knuth–Morris–Pratt).
 * `String.indexOf` in a loop can cost text × pattern on inputs like "aaaa…b", and quotes are
 * looked up in every source text on every edit, so the worst case matters.
 */

/** Every index where `pattern` starts in `text` (overlapping ones too), in order; at most `limit` of them. */
export function occurrences(text: string, pattern: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  const m = pattern.length;
  if (m === 0 || m > text.length || limit <= 0) return found;
  const border = borders(pattern);
  let matched = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    while (matched > 0 && pattern.charCodeAt(matched) !== char) matched = border[matched - 1]!;
    if (pattern.charCodeAt(matched) === char) matched++;
    if (matched === m) {
      found.push(i - m + 1);
      if (found.length >= limit) return found;
      matched = border[m - 1]!;
    }
  }
  return found;
}

/** border[i]: the length of the longest proper prefix of pattern[0..i] that is also its suffix. */
function borders(pattern: string): Int32Array {
  const border = new Int32Array(pattern.length);
  let length = 0;
  for (let i = 1; i < pattern.length; i++) {
    const char = pattern.charCodeAt(i);
    while (length > 0 && pattern.charCodeAt(length) !== char) length = border[length - 1]!;
    if (pattern.charCodeAt(length) === char) length++;
    border[i] = length;
  }
  return border;
}
