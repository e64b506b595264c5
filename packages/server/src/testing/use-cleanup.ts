import { afterAll } from "vitest";

/** Undoes what a file's tests set up. */
export type Cleanup = (undo: () => Promise<unknown> | unknown) => void;

/**
 * A place for a file's tests to leave what undoes what they made (a data dir, a schema, a
 * process, a receiver); after the file's tests, vitest's afterAll undoes it all, last made first.
 */
export function useCleanup(): Cleanup {
  const undos: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const undo of undos.reverse()) await undo();
  });
  return (undo) => {
    undos.push(undo);
  };
}
