import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '@app/config';
import { checkFaultPoints, faultPointFiles, faultPointsConfigSpec, FaultPoints } from './fault-points';

describe('fault points', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'fault-points-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are accepted only in tests, as an absolute directory', () => {
    expect(loadConfig(faultPointsConfigSpec, {}).FAULT_POINTS_DIR).toBe('');
    expect(() => loadConfig(faultPointsConfigSpec, { FAULT_POINTS_DIR: 'relative/dir' })).toThrow(
      /FAULT_POINTS_DIR="relative\/dir" is not valid: expected an absolute directory/,
    );
    expect(checkFaultPoints({ NODE_ENV: 'test', FAULT_POINTS_DIR: dir }).FAULT_POINTS_DIR).toBe(dir);
    expect(checkFaultPoints({ NODE_ENV: 'production', FAULT_POINTS_DIR: '' }).FAULT_POINTS_DIR).toBe('');
    for (const NODE_ENV of ['production', 'development'])
      expect(() => checkFaultPoints({ NODE_ENV, FAULT_POINTS_DIR: dir })).toThrow(ConfigError);
  });

  it('pass at once when off or not armed for the subject', async () => {
    await FaultPoints.OFF.reach('programme-action.accepted', 'p1');
    const points = new FaultPoints(dir);
    writeFileSync(faultPointFiles(dir, 'programme-action.accepted', 'p2').arm, '');
    await points.reach('programme-action.accepted', 'p1');
    await points.reach('programme-projection.after-effects', 'p2');
    expect(existsSync(faultPointFiles(dir, 'programme-action.accepted', 'p1').held)).toBe(false);
  });

  it('hold while armed, saying so with the detail, and go on once released', async () => {
    const files = faultPointFiles(dir, 'programme-projection.in-transaction', 'a/b');
    writeFileSync(files.arm, '');
    let passed = false;
    const reached = new FaultPoints(dir)
      .reach('programme-projection.in-transaction', 'a/b', { version: 7 })
      .then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(passed).toBe(false);
    expect(JSON.parse(readFileSync(files.held, 'utf8'))).toMatchObject({ pid: process.pid, detail: { version: 7 } });
    rmSync(files.arm);
    await reached;
    expect(passed).toBe(true);
  });
});
