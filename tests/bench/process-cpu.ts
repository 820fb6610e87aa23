/**
 * CPU time of processes, from Linux's /proc/<pid>/stat: what a server spent on a run, whatever share of the
 * cores the load generator took meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** User and system time of the process itself (all its threads), in seconds. */
  own: number;
  /** User and system time of its children that have exited and been waited for, in seconds. */
  reaped: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
  // The command name (field 2) may hold spaces and parentheses: the fields that follow start after the last ')'.
  const f = text
    .slice(text.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
  return { ppid: f[1]!, own: (f[11]! + f[12]!) / ticksPerSecond, reaped: (f[13]! + f[14]!) / ticksPerSecond };
}

/** CPU seconds the process `pid` has used so far (0 once it is gone). */
export function processCpuSeconds(pid: number): number {
  return readStat(pid)?.own ?? 0;
}

/**
 * CPU seconds used by a process and all its children, exited ones included: for PostgreSQL's postmaster,
 * whose backends, WAL writer and checkpointer are its children (it waits for those that end, so their time
 * lands in its own "children" figures).
 */
export function processTreeCpuSeconds(root: number): number {
  const stat = readStat(root);
  if (!stat) return 0;
  let total = stat.own + stat.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = readStat(Number(entry));
    if (child?.ppid === root) total += child.own;
  }
  return total;
}

/** The parent of `pid`, e.g. the postmaster of a PostgreSQL backend. */
export function parentPid(pid: number): number {
  const stat = readStat(pid);
  if (!stat) throw new Error(`process ${pid} is not running`);
  return stat.ppid;
}
