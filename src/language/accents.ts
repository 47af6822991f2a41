// Accents off, for matching: "communiqué" = "communique", "Zürich" = "Zurich". Compatibility forms
// are decomposed too (NFKD), then the combining diacritical marks dropped.

/** The text without its accents (ASCII text is returned as it is, without normalising). */
export function foldAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
}
