import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineWriter } from './line-writer';

let dir: string;
const fds: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relay-lines-'));
});
afterEach(() => {
  for (const fd of fds.splice(0)) closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});
const turn = () => new Promise((resolve) => setImmediate(resolve));
const open = (path: string, flags: number) => {
  const fd = openSync(path, flags);
  fds.push(fd);
  return fd;
};

/** A FIFO whose ends never block, filled until the writer's next write would fail with EAGAIN. */
function fullPipe(): { reader: number; writer: number; drain(): string } {
  const path = join(dir, 'fifo');
  execFileSync('mkfifo', [path]);
  const reader = open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = open(path, constants.O_WRONLY | constants.O_NONBLOCK);
  const filler = Buffer.alloc(4096, 'x');
  for (;;) {
    try {
      writeSync(writer, filler);
    } catch {
      break;
    }
  }
  const chunk = Buffer.alloc(65536);
  return {
    reader,
    writer,
    drain() {
      let text = '';
      for (;;) {
        try {
          const n = readSync(reader, chunk);
          if (n === 0) return text;
          text += chunk.subarray(0, n).toString();
        } catch {
          return text;
        }
      }
    },
  };
}

describe('LineWriter', () => {
  it('writes the lines of one turn together, in order, after the turn', async () => {
    const path = join(dir, 'log');
    const lines = new LineWriter(open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND));
    for (let i = 0; i < 100; i++) lines.write(`{"n":${i},"text":"é"}\n`);
    expect(readFileSync(path, 'utf8')).toBe('');
    await turn();
    const written = readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { n: number });
    expect(written.map((l) => l.n)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('keeps lines a full pipe refused, writes them once the reader reads, and counts what it had to drop', async () => {
    const pipe = fullPipe();
    const lines = new LineWriter(pipe.writer, 1000);
    for (let i = 0; i < 200; i++) {
      lines.write(`{"n":${i}}\n`);
      if (i === 19) await turn(); // the first twenty meet the full pipe: they wait
    }
    expect(pipe.drain()).toMatch(/^x+$/); // the filler, and nothing of ours yet
    let got = '';
    await expect.poll(() => (got += pipe.drain()), { timeout: 5000 }).toContain('dropped');
    lines.write('{"n":"after"}\n');
    await turn();
    got += pipe.drain();
    const all = got
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const kept = all.filter((l) => typeof l.n === 'number').map((l) => l.n);
    // Whatever fitted under the cap, in order and whole; then how many did not; then life goes on.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => i));
    expect(kept.length).toBeGreaterThanOrEqual(100);
    expect(all[kept.length]).toMatchObject({ level: 'warn', dropped: 200 - kept.length });
    expect(all.slice(kept.length + 1)).toEqual([{ n: 'after' }]);
  });

  it('writes what waits when the process exits', () => {
    const script = `
      const { LineWriter } = await import(${JSON.stringify(join(import.meta.dirname, 'line-writer.ts'))});
      const lines = new LineWriter(1);
      for (let i = 0; i < 1000; i++) lines.write('{"n":' + i + '}\\n');
      process.exit(0);
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(child.stdout.split('\n').filter(Boolean)).toHaveLength(1000);
  });
});
