// Whole-word search for a literal: what `new RegExp(`\\b${escapeRegex(word)}\\b`)` answers, without building
// and compiling a pattern for each name an article brings (a fresh pattern is compiled, then compiled
// again to machine code on its second use, for every new name: most of the cost of a name's lookups in a
// new article).

/** `s` with every regular-expression metacharacter escaped, to match it literally inside a pattern. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** JavaScript's \b word characters outside unicode mode: [A-Za-z0-9_]. */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** \b at offset i of text: a word character on one side and not on the other (the ends count as non-word). */
function boundaryAt(text: string, i: number): boolean {
  const before = i > 0 && isWordUnit(text.charCodeAt(i - 1));
  const after = i < text.length && isWordUnit(text.charCodeAt(i));
  return before !== after;
}

/** ASCII letters folded to lower case; every other code unit as it is. */
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Whether `text` holds `word` with a word boundary (\b) on both sides: the same answer as
 * `new RegExp(`\\b${escapeRegex(word)}\\b`, ignoreCase ? 'i' : '').test(text)`. With ignoreCase, a word
 * with characters beyond ASCII is left to that pattern (case folding beyond ASCII has rules of its own); an
 * ASCII word can only match ASCII text, where folding is A–Z to a–z.
 */
export function containsWord(text: string, word: string, ignoreCase = false): boolean {
  if (word.length === 0) {
    for (let i = 0; i <= text.length; i++) if (boundaryAt(text, i)) return true;
    return false;
  }
  if (!ignoreCase) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (boundaryAt(text, at) && boundaryAt(text, at + word.length)) return true;
    }
    return false;
  }
  if (!isAscii(word)) return new RegExp(`\\b${escapeRegex(word)}\\b`, 'i').test(text);
  const first = foldAscii(word.charCodeAt(0));
  const last = text.length - word.length;
  outer: for (let at = 0; at <= last; at++) {
    if (foldAscii(text.charCodeAt(at)) !== first) continue;
    for (let k = 1; k < word.length; k++) if (foldAscii(text.charCodeAt(at + k)) !== foldAscii(word.charCodeAt(k))) continue outer;
    if (boundaryAt(text, at) && boundaryAt(text, at + word.length)) return true;
  }
  return false;
}
