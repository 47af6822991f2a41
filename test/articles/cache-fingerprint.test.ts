// The parsed-article cache's key: a change anywhere in the parser's source — its entity passes and the
// language word lists included — gives another fingerprint, so a restart re-parses instead of serving
// articles parsed by the old rules.
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain JavaScript module without types
import { parserFingerprint as buildFingerprint } from '../../scripts/build.mjs';
import { parserFingerprint } from '../../src/articles/cache';
import { repoRoot } from '../answers/helpers';

const copy = mkdtempSync(join(tmpdir(), 'herald-fingerprint-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the parser fingerprint', () => {
  it('changes with the entity passes and the language word lists, and not with the ingestion plumbing', () => {
    cpSync(join(repoRoot, 'src/articles'), join(copy, 'articles'), { recursive: true });
    cpSync(join(repoRoot, 'src/language'), join(copy, 'language'), { recursive: true });
    const articles = join(copy, 'articles');
    const seen = [parserFingerprint(articles)];
    expect(buildFingerprint(articles)).toBe(seen[0]);
    appendFileSync(join(articles, 'ingest.ts'), '\n// plumbing\n');
    expect(parserFingerprint(articles)).toBe(seen[0]);
    for (const file of ['entities/roles.ts', '../language/places.ts', 'dates.ts']) {
      appendFileSync(join(articles, file), '\n// a rule changed\n');
      const now = parserFingerprint(articles);
      expect(seen, file).not.toContain(now);
      expect(buildFingerprint(articles), file).toBe(now);
      seen.push(now);
    }
  });
});
