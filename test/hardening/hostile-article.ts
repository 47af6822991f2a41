// An article written to break Discord messages: mass mentions, user/role/channel mention tokens, markdown
// and code-block breakers, zero-width and right-to-left override characters, and a 10,000-character
// sentence. The planted ids are distinctive so a test can tell them apart from Herald's own references.
export const PLANTED = {
  user: '111111111111111111',
  role: '222222222222222222',
  channel: '333333333333333333',
} as const;

const longSentence = `The delegates from @everyone also discussed ${'the long agenda of <@&222222222222222222> items and '.repeat(195)}nothing else.`;

export function hostileArticle(published: string, eventDay: string): string {
  return [
    '---',
    `published: ${published}`,
    'source: @everyone Gazette',
    'url: https://example.org/@here/news',
    '---',
    '@everyone City council to approve the ||spoiler|| plan on ' + eventDay + ' ``` <@111111111111111111>',
    '',
    `The city council of Northville will approve the harbour plan on ${eventDay}, Mayor Jane Holloway said on Monday @here <@111111111111111111>.`,
    '',
    `> QUOTEBREAK *** bold ||hidden|| \`\`\` code <#333333333333333333> and <@&222222222222222222> and <@!111111111111111111> said @everyone.`,
    '',
    'The members of the council are Alpha, Beta and @here, according to the @everyone Gazette.',
    '',
    'ZERO\u200bWIDTH and RIGHT\u202eTOLEFT marks hide in this sentence, which Mayor Jane Holloway also said.',
    '',
    longSentence,
    '',
  ].join('\n');
}
