// What a member reads from /ask on questions asked of a news story (issue 13): the quoted sentence is the one
// that answers, and a question the articles cannot answer is declined. Each case failed before its fix.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';
import { ASK_NOW, askOne } from './ask-one';

/** The sentences /ask quotes or cites for `question` (none when it declines). */
function quoted(text: string, question: string, headline?: string): string[] {
  const r = askOne(text, question, { headline });
  return r.ok ? r.citations.map((c) => c.text) : [];
}

describe('what a member reads', () => {
  it('quotes the sentence that states the asked action under a headline that names the rest, not one that names only the headline\'s subject', () => {
    const text = 'Storm Ciara brought winds of up to 80mph to the coast of Cornwall on Monday, closing roads and schools. A woman in her 60s died when a wall collapsed onto her car in Truro, police said.';
    expect(quoted(text, 'Who died in the storm?', 'Storm Ciara batters Cornwall')).toEqual(['A woman in her 60s died when a wall collapsed onto her car in Truro, police said.']);
  });
});

describe('whose it is', () => {
  it('declines "Is the car mine?": no article says whose the member\'s things are, and a sentence about some car is no answer', () => {
    const text = 'A car stolen from a driveway in Harrogate was found in a car park in Leeds on Sunday. The owner, Susan Clarke, said she was relieved.';
    expect(askOne(text, 'Is the car mine?').ok).toBe(false);
    expect(askOne(text, 'Was the car yours?').ok).toBe(false);
    expect(askOne(text, 'Is the car hers?').ok).toBe(false);
    // the pit is no pronoun: the question is about the mine
    expect(quoted('The mine is near Glynneath in south Wales.', 'Where is the mine?')).toEqual(['The mine is near Glynneath in south Wales.']);
    expect(quoted(text, 'Where was the car found?')).toEqual(['A car stolen from a driveway in Harrogate was found in a car park in Leeds on Sunday.']);
  });

  it('reads "mine" last in a yes/no question as the pit after "the", and does not decline a question about it', () => {
    const pit = 'Four miners were trapped underground after a roof collapsed at the Gleision mine near Pontardawe on Thursday. Rescuers reached the men on Friday.';
    expect(quoted(pit, 'Were miners trapped in the mine?')).toEqual(['Four miners were trapped underground after a roof collapsed at the Gleision mine near Pontardawe on Thursday.']);
    expect(quoted(pit, 'Did the roof collapse at the mine?')).toEqual(['Four miners were trapped underground after a roof collapsed at the Gleision mine near Pontardawe on Thursday.']);
    expect(quoted(pit, 'Which mine did the roof collapse at?')).toEqual(['Four miners were trapped underground after a roof collapsed at the Gleision mine near Pontardawe on Thursday.']);
    // the thing asked of is the member's: still the pronoun
    expect(askOne(pit, 'Is this mine?').ok).toBe(false);
    expect(askOne(pit, 'Is the roof mine?').ok).toBe(false);
  });
});

describe('what a copular what-question asks', () => {
  const read = (text: string, question: string) => {
    const r = askOne(text, question, { undecided: true });
    return r.ok ? r.text : null;
  };

  it('reads what the sentence says the asked noun is, not the word before it that says which one', () => {
    expect(read('The final score was 2-1, and the attendance was a record for the ground.', 'What was the score?')).toBe('2-1');
    expect(read('Ruth Chepngetich set a new world record of 2:09:56 at the Chicago Marathon on Sunday.', 'What was the record?')).toBe('2:09:56');
    expect(read('The attendance was a record for the ground.', 'What was the record?')).toBe('attendance');
  });

  it('reads a number right before the asked noun: it says what the vote or the win was', () => {
    expect(read('MPs backed the bill in a 312-290 vote on Tuesday night.', 'What was the vote?')).toBe('312-290');
    expect(read('Rangers claimed a 3-1 win at Ibrox on Saturday.', 'What was the win?')).toBe('3-1');
  });
});

describe('words that mean the same', () => {
  it('takes "outlets" and "stores" for shops, and "found" for the question\'s "find"', () => {
    const shops = 'Tesco now has more than 3,000 outlets across the UK, the chain said.';
    expect(quoted(shops, 'How many shops does Tesco have?')).toEqual([shops]);
    const found = 'A car stolen in Harrogate was found abandoned in a multi-storey car park in Leeds on Sunday.';
    expect(quoted(found, 'Where did police find the stolen car?', 'Police find stolen car')).toEqual([found]);
  });

  it('takes "found" and "left" for "find" and "leave" only as the verb: not "founded", "left-back", "the left" or "the Fed"', () => {
    expect(quoted('The charity, founded by Jane Smith in 2001, runs shelters in Leeds.', 'When did Jane Smith find the shelters?')).toEqual([]);
    expect(quoted('Smith played at left-back for Chelsea on Saturday. He joined the club in 2019.', 'When did Smith leave Chelsea?')).toEqual([]);
    expect(quoted('Smith scored with his left foot for Chelsea on Saturday.', 'When did Smith leave Chelsea?')).toEqual([]);
    expect(quoted('The Fed raised interest rates on Wednesday.', 'When did they feed the ducks?')).toEqual([]);
    const left = 'Jones left the party in 2019 to sit as an independent.';
    expect(quoted(left, 'When did Jones leave the party?')).toEqual([left]);
  });

  it('takes "injured" and "injuries" for "hurt"', () => {
    const text = 'A fire destroyed the Alhambra Theatre in Glasgow on Sunday. No one was injured, but nearby flats were evacuated.';
    expect(quoted(text, 'Was anyone hurt in the fire?', 'Fire destroys Glasgow theatre')).toEqual(['No one was injured, but nearby flats were evacuated.']);
  });

  it('takes "raise" and "increase" for "rise"', () => {
    const text = 'The unions oppose new regulations which would raise the pension age for council workers from 60 to 65.';
    expect(quoted(text, 'What would the pension age for council workers rise to?')).toEqual([text]);
  });
});

describe('words in the sense the question uses them', () => {
  it('does not take "the broadcaster\'s own station" for owning it, as it does not "its own station"', () => {
    const text = "The BBC's own station, BBC Radio Kent, would not be affected, a spokesman said.";
    expect(quoted(text, 'Who owns BBC Radio Kent?')).toEqual([]);
    expect(quoted('BBC Radio Kent is owned by the BBC.', 'Who owns BBC Radio Kent?')).toEqual(['BBC Radio Kent is owned by the BBC.']);
  });
});

describe('"He" or "She" opening a sentence', () => {
  // No coreference: a pronoun is nobody in particular. Taking it for the one person the sentence before names
  // read "Mary Jones" for "He" in the text below (review, 2026-11-29), so the rule was taken out.
  it('is not read as the person the sentence before names', () => {
    const text = 'Her husband was with Mary Jones when she collapsed at home in Leeds. He called an ambulance at 3am.';
    const r = askOne(text, 'Who called an ambulance?', { undecided: true });
    expect(r.ok && !r.quoteOnly ? r.text : '').not.toMatch(/Mary Jones/);
  });
});

describe('a sentence from a story about something else', () => {
  /** /ask over a library of several stories, each a headline and its text. */
  function askMany(stories: [string, string][], question: string): AskResult {
    const library = new MemoryLibrary();
    stories.forEach(([headline, text], i) => {
      const parsed = parseArticle(`${headline}\n\n${text}\n`, { now: ASK_NOW, origin: `/t${i}.txt` });
      if (!parsed.ok) throw new Error('parse failed');
      library.upsert({ article: parsed.article, origin: `/t${i}.txt`, ingestedAt: ASK_NOW });
    });
    return createAskService(library).ask(question, { now: ASK_NOW }) as AskResult;
  }
  const storm: [string, string] = ['Storm Dylan leaves thousands without power', 'Two people died when trees fell on their cars near Oban, Police Scotland said.'];
  const fire: [string, string] = ['Fire destroys Glasgow theatre', 'A fire destroyed the Alhambra Theatre in Glasgow on Sunday. More than 60 firefighters were at the fire.'];

  it('is neither quoted nor shown as the closest when its story never uses a key word of the question', () => {
    const r = askMany([storm, fire], 'How many people died in the fire?');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.closest).toBeFalsy();
    const mayor = askMany([storm, ['Police find stolen car', 'A stolen car was found in a car park in Leeds on Sunday. Its owner lives in Leeds.']], 'Who is the mayor of Leeds?');
    expect(mayor.ok).toBe(false);
    expect(!mayor.ok && mayor.closest).toBeFalsy();
  });

  it('is still quoted when its story uses the word in a sentence nearby', () => {
    const r = askMany([storm, fire], 'Who died in the storm?');
    expect(r.ok && r.citations.map((c) => c.text)).toEqual(['Two people died when trees fell on their cars near Oban, Police Scotland said.']);
  });

  it('comes after sentences stating the question as fully from a story whose headline names it', () => {
    const others: [string, string][] = ['Turkey', 'Poland', 'Spain', 'Greece', 'Italy', 'Latvia'].map((country) => [`${country} courts investors`, `${country} will not be a burden on the EU budget.`]);
    const budget: [string, string] = ['Brown names 16 March for Budget', 'Chancellor Gordon Brown will deliver his Budget to the House of Commons on 16 March, the Treasury has announced.'];
    const r = askMany([...others, budget], 'When is the Budget?');
    expect(r.ok && r.citations.map((c) => c.headline)).toEqual(['Brown names 16 March for Budget']);
  });
});
