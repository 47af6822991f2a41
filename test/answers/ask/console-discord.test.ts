// The console shows the same direct answer Discord shows (issue 13): one /ask reply, rendered by the
// Discord renderer (the payload sent to Discord) and by the console renderer (the terminal text).
import { describe, expect, it } from 'vitest';
import { askReply } from '../../../src/answers/ask/reply';
import { createAskService } from '../../../src/answers/ask/ask';
import { plainText, renderReplyText } from '../../../src/transports/console/render-text';
import { renderMessage } from '../../../src/transports/discord/render';
import { EVAL_NOW, loadLibrary } from './eval';
import { asDiscord } from '../../support/discord-markup';
import { corpusQuestions, seedQuestions } from './questions';

const service = createAskService(loadLibrary());

describe('/ask on the console and on Discord', () => {
  const questions = [...seedQuestions, ...corpusQuestions].map((q) => q.q);
  // As served, and as /ask reads the answer whatever its confidence (the lead a confident answer gets).
  const results = questions.flatMap((q) => [{ q, result: service.ask(q, { now: EVAL_NOW }) }, { q, result: service.ask(q, { now: EVAL_NOW, undecided: true }) }]);

  it('leads with the same direct answer, or the same "no direct answer", on both', () => {
    let direct = 0;
    for (const { q, result } of results) {
      const reply = askReply(result, q, EVAL_NOW);
      const discord = renderMessage(reply).embeds?.[0].description ?? '';
      const consoleText = renderReplyText(reply, EVAL_NOW);
      const discordLead = discord.split('\n')[0];
      // The reply's lead line, with its timestamp parts: Discord shows it as <t:…>, the console as dates.
      const lead = (reply.embeds?.[0].description ?? '').split('\n')[0];
      expect(discordLead, q).toBe(asDiscord(lead));
      // The terminal's lines, after the title and its rule, start with the same lead line as plain text.
      const consoleLead = consoleText.split('\n')[2];
      expect(consoleLead, q).toBe(plainText(lead, EVAL_NOW));
      if (result.ok && !result.quoteOnly && result.type !== 'list' && result.type !== 'what' && result.type !== 'yesno' && result.type !== 'when') {
        direct++;
        const words = result.text.slice(1, 40);
        // Discord escapes markdown ("15\\.6%" at the start of a line): the words as the member reads them.
        expect(plainText(lead, EVAL_NOW), q).toContain(words);
        expect(consoleLead, q).toContain(words);
      }
    }
    expect(direct).toBeGreaterThan(0);
  });
});
