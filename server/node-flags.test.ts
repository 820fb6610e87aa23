import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './node-flags';

const scripts = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('the node flags the server runs with', () => {
  it('are passed by every script that starts the server, just before its entry point', () => {
    expect(SERVER_NODE_FLAGS).toContain('--no-memory-reducer');
    for (const name of ['start', 'server', 'cli']) {
      expect(scripts[name], name).toContain(`tsx ${SERVER_NODE_FLAGS.join(' ')} server/cli.ts`);
    }
  });

  it('are options this Node accepts (a misspelt one stops the server from starting)', () => {
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', ''], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const misspelt = spawnSync(process.execPath, ['--no-memory-reducr', '-e', ''], { encoding: 'utf8' });
    expect(misspelt.status).not.toBe(0);
  });
});
