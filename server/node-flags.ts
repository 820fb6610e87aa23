/**
 * The flags Node is started with for `npm start`, `npm run server` and `npm run cli` (package.json passes them to
 * tsx; the tests and the bench start the server with them too, so they measure what production runs).
 *
 * --no-memory-reducer: after a few seconds without requests V8 shrinks the heap and the young generation to give
 * memory back, and the server then spends the first second of the next burst growing them again: measured here,
 * 77–113 µs of CPU per redirect in that second against 42–52 µs once warm (a bare node:http server: 33 against
 * 28). For a service whose clicks come in bursts that doubles the cost exactly when load arrives; the price is
 * ~40 MB more kept resident while idle (about 150 MB instead of 110).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];
