// Every match of a global pattern in a text: `[...text.matchAll(re)]`, found faster. matchAll clones the
// pattern on every call; and a pattern with the `u` flag runs several times slower than the same pattern
// without it (V8 gives up some of its scanning shortcuts), which the parser's patterns pay once per rule per
// sentence. Where dropping `u` cannot change a match, the twin without it does the scanning.

/** The two characters outside ASCII whose case folding (under `iu`) lands in ASCII: ſ (s) and K, the Kelvin sign (k). */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

const twins = new WeakMap<RegExp, RegExp | null>();

/**
 * The same pattern without the `u` flag when that finds exactly the same matches in any text (under `i`, in
 * any text without ſ or K): no property escapes, no negated class, no `.`, no \S \W \D, no code point
 * escapes, no character beyond the basic plane (nor beyond ASCII under `i`). Else null.
 */
export function asciiTwin(re: RegExp): RegExp | null {
  if (!re.unicode) return null;
  const src = re.source;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return null;
    if (c > 127 && re.ignoreCase) return null;
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if ('pPSWDuc'.includes(next) || (next === 'x' && re.ignoreCase)) return null;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      if (src[i + 1] === '^') return null;
      inClass = true;
      // a ']' right after '[' closes an empty class in JavaScript, so nothing more to skip
      continue;
    }
    if (ch === '.') return null;
  }
  try {
    return new RegExp(src, re.flags.replace('u', ''));
  } catch {
    return null;
  }
}

function twinOf(re: RegExp): RegExp | null {
  let twin = twins.get(re);
  if (twin === undefined) {
    twin = asciiTwin(re);
    twins.set(re, twin);
  }
  return twin;
}

/**
 * What `[...text.matchAll(re)]` gives (`re` global, its lastIndex where the search starts and left as it
 * was), without cloning `re`, and by the pattern's twin without `u` where that is the same.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global pattern');
  const start = re.lastIndex;
  const twin = twinOf(re);
  // (an empty match is left to the pattern itself: where the search goes on after one depends on `u`)
  const viaTwin = twin && !(re.ignoreCase && FOLDS_TO_ASCII.test(text)) ? execAll(twin, text, start, true) : null;
  const out = viaTwin ?? execAll(re, text, start, false) ?? [];
  re.lastIndex = start;
  return out;
}

/** Every match from `start`, or null (when `stopAtEmpty`) at the first empty one. Leaves lastIndex at 0. */
function execAll(re: RegExp, text: string, start: number, stopAtEmpty: boolean): RegExpExecArray[] | null {
  const out: RegExpExecArray[] = [];
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      if (stopAtEmpty) {
        re.lastIndex = 0;
        return null;
      }
      re.lastIndex = advance(text, re.lastIndex, re.unicode);
    }
    out.push(m);
  }
  return out;
}

/** The index after `i`: past a whole surrogate pair in unicode mode (as matchAll steps past an empty match). */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
