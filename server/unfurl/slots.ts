/** A counter of slots with a short first-come-first-served line. */
export class Slots {
  private active = 0;
  private readonly line: (() => void)[] = [];

  constructor(
    readonly size: number,
    private readonly lineLength: number,
  ) {}

  /** Resolves once a slot is this caller's; null when every slot is taken and the line is full. */
  take(): Promise<void> | null {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    if (this.line.length >= this.lineLength) return null;
    return new Promise((resolve) => this.line.push(resolve));
  }

  give(): void {
    const next = this.line.shift();
    // The slot passes straight to the next in line, so nobody arriving meanwhile jumps the queue.
    if (next) next();
    else this.active--;
  }
}
