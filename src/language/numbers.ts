// Numbers written as words.

/** Cardinal number words → value. */
export const CARDINALS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
};

/** Words that hedge or bound a number before it ("About 300", "Nearly 2,000", "Up to 85"), never part of a name. */
export const APPROXIMATORS = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'under', 'up', 'only', 'just', 'at', 'more', 'fewer', 'less', 'another', 'exactly', 'barely', 'fully', 'all']);
