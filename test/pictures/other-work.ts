// For tests of sliced work: counts the turns of the event loop other work was given while `work` ran
// (a callback that re-queues itself with setImmediate until the work is done).
export async function countOtherWork<T>(work: () => Promise<T>): Promise<{ result: T; others: number }> {
  let others = 0;
  let done = false;
  const other = () => {
    others++;
    if (!done) setImmediate(other);
  };
  setImmediate(other);
  try {
    return { result: await work(), others };
  } finally {
    done = true;
  }
}
