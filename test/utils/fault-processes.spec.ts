import { lineWatcher } from './fault-processes';

describe('lineWatcher', () => {
  const READY = 'API listening on';
  const routeLog = (i: number) => `{"level":30,"msg":"Mapped {/route-${i}, GET} route"}\n`;

  it('sees the line in a chunk larger than any tail a caller keeps, followed by a burst of logs', () => {
    const burst = Array.from({ length: 1000 }, (_, i) => routeLog(i)).join('');
    const printed = lineWatcher(READY);
    expect(printed(`{"msg":"${READY} http://127.0.0.1:3000"}\n${burst}`)).toBe(true);
  });

  it('sees the line split across chunks, at every split point', () => {
    const text = `${routeLog(1)}{"msg":"${READY} http://127.0.0.1:3000"}\n${routeLog(2)}`;
    for (let cut = 0; cut <= text.length; cut++) {
      const printed = lineWatcher(READY);
      const first = printed(text.slice(0, cut));
      expect([cut, first || printed(text.slice(cut))]).toEqual([cut, true]);
    }
  });

  it('sees the line split into one-character chunks', () => {
    const printed = lineWatcher(READY);
    const answers = [...`x${READY}y`].map((c) => printed(c));
    expect(answers.indexOf(true)).toBe(READY.length);
  });

  it('does not see a line that was never printed, nor a prefix of it', () => {
    const printed = lineWatcher(READY);
    expect(printed('API listening')).toBe(false);
    expect(printed(' at')).toBe(false);
    expect(printed(routeLog(3))).toBe(false);
  });

  it('stays true once seen', () => {
    const printed = lineWatcher(READY);
    printed(READY);
    expect(printed('anything else')).toBe(true);
  });
});
