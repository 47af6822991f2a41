// The fake Discord's route table on its own: path patterns and the answer for a route it lacks.
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord';
import { matchPath, route } from './routes';

const parts = (path: string) => path.split('/').filter(Boolean);

describe('matchPath', () => {
  it('binds :name segments and requires literal ones and the same length', () => {
    expect(matchPath(parts('/channels/123/messages/456'), 'channels/:channel/messages/:message')).toEqual({ channel: '123', message: '456' });
    expect(matchPath(parts('/channels/123/messages'), 'channels/:channel/messages/:message')).toBeNull();
    expect(matchPath(parts('/guilds/123/roles'), 'guilds/:guild/channels')).toBeNull();
    expect(matchPath(parts('/users/@me'), 'users/@me')).toEqual({});
  });
});

describe('the route table', () => {
  const fake = new FakeDiscord();
  const call = (method: string, path: string, body?: unknown) => route(fake, method, path, body, new URLSearchParams(), { method, path, query: {}, body, status: 0 });

  it('answers a route it lacks with a 404 that names it', () => {
    expect(call('POST', '/guilds/1/bans')).toEqual({ status: 404, json: { code: 0, message: '404: Not Found (fake discord has no POST /guilds/1/bans)' } });
  });

  it('takes @original before a follow-up id and refuses another application', () => {
    expect(call('GET', `/webhooks/${fake.applicationId}/no-such-token/messages/@original`)).toEqual({ status: 404, json: { code: 10015, message: 'Unknown Webhook' } });
    expect(call('GET', '/applications/999/commands').status).toBe(404);
    expect(call('GET', `/applications/${fake.applicationId}/commands`)).toEqual({ status: 200, json: [] });
  });

  it('checks the channel and the bot’s access before a message route runs', () => {
    expect(call('POST', '/channels/42/messages', { content: 'x' })).toEqual({ status: 404, json: { code: 10003, message: 'Unknown Channel' } });
    expect(call('POST', `/channels/${fake.channels.hidden}/messages`, { content: 'x' })).toEqual({ status: 403, json: { code: 50001, message: 'Missing Access' } });
    expect(call('POST', `/channels/${fake.channels.noSend}/messages`, { content: 'x' })).toEqual({ status: 403, json: { code: 50013, message: 'Missing Permissions' } });
    expect(call('POST', `/channels/${fake.channels.general}/messages`, { content: 'x'.repeat(2001) })).toEqual({ status: 400, json: { code: 50035, message: 'content: Must be 2000 or fewer in length.' } });
    expect(call('POST', `/channels/${fake.channels.general}/messages`, { content: 'hello' }).status).toBe(200);
    expect(fake.messages(fake.channels.general).map((m) => m.content)).toEqual(['hello']);
  });
});
