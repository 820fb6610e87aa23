import { writeSync } from 'node:fs';

/** Lines waiting past this many characters mean nobody is reading the log: newer ones are dropped, and counted. */
const MAX_WAITING_CHARS = 16 * 1024 * 1024;
const RETRY_MS = 50;

/**
 * Where log lines go: gathered in memory and written with one write(2) per turn of the event loop, however
 * many requests that turn answered. pino's own destination appends every line to one pending string and
 * measures its bytes again on each line; at a few thousand requests a second that cost more than the
 * redirect being logged (measured side by side: `npm run bench`'s access-log reference row).
 *
 * A reader that stops reading (a full pipe) makes the write fail with EAGAIN: the lines wait and are tried
 * again a moment later, never blocking requests; past MAX_WAITING_CHARS newer lines are dropped, and a line
 * saying how many is written once the log moves again. What waits is written at exit.
 */
export class LineWriter {
  private waiting: string[] = [];
  private waitingChars = 0;
  /** The rest of a batch the reader had no room for: written before anything newer. */
  private unwritten: Buffer | undefined;
  private dropped = 0;
  private scheduled = false;

  constructor(
    private readonly fd: number,
    private readonly maxWaitingChars = MAX_WAITING_CHARS,
  ) {
    process.once('exit', () => this.flushSync());
  }

  /** One or more whole lines, each ending in a newline. */
  write(lines: string): void {
    if (this.waitingChars + lines.length > this.maxWaitingChars) {
      this.dropped++;
      return;
    }
    this.waiting.push(lines);
    this.waitingChars += lines.length;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.writeWaiting);
    }
  }

  /** Writes what waits now, waiting up to a second for a full pipe (pino calls this on fatal errors; exit does). */
  flushSync(): void {
    const until = Date.now() + 1000;
    this.writeWaiting();
    while (this.unwritten && Date.now() < until) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      this.writeWaiting();
    }
  }

  private readonly writeWaiting = (): void => {
    this.scheduled = false;
    if (this.dropped > 0) {
      this.waiting.push(droppedLine(this.dropped));
      this.dropped = 0;
    }
    const fresh = this.waiting.length > 0 ? Buffer.from(this.waiting.join('')) : undefined;
    this.waiting = [];
    this.waitingChars = 0;
    let bytes = this.unwritten && fresh ? Buffer.concat([this.unwritten, fresh]) : (this.unwritten ?? fresh);
    this.unwritten = undefined;
    if (!bytes) return;
    try {
      while (bytes.length > 0) bytes = bytes.subarray(writeSync(this.fd, bytes));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        this.unwritten = bytes;
        this.waitingChars = bytes.length;
        if (!this.scheduled) {
          this.scheduled = true;
          setTimeout(this.writeWaiting, RETRY_MS).unref();
        }
      } else {
        // The reader is gone (EPIPE, a closed file): nowhere to say so but the next line, should one get through.
        this.dropped += countLines(bytes);
      }
    }
  };
}

function countLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function droppedLine(count: number): string {
  return `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: 'log lines dropped: the log was not being read', dropped: count })}\n`;
}
