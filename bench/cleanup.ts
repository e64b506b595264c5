/** Things to undo when the bench ends, however it ends: children to stop, temp dirs to remove. */
type Task = { name: string; run: () => void | Promise<void>; sync?: () => void };
const tasks: Task[] = [];

export function onCleanup(name: string, run: () => void | Promise<void>, sync?: () => void): () => void {
  const t = { name, run, sync };
  tasks.push(t);
  return () => {
    const i = tasks.indexOf(t);
    if (i >= 0) tasks.splice(i, 1);
  };
}

/** Runs every pending task, newest first; a task that fails does not stop the others. */
export async function runCleanup(): Promise<void> {
  while (tasks.length) {
    const t = tasks.pop()!;
    try {
      await t.run();
    } catch (err) {
      console.error(`cleanup "${t.name}" failed:`, err);
    }
  }
}

// Last resort if the process exits without runCleanup (e.g. an uncaught error): only sync work is possible here.
process.on("exit", () => {
  for (const t of tasks.splice(0).reverse()) {
    try {
      t.sync?.();
    } catch {
      /* exiting */
    }
  }
});
