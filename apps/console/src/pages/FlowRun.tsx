import { RunTrace } from "../components/RunTrace";

/** A run's trace on its own (#/flow-runs/<id>), where the inbox's Bot badge leads, for every role. */
export function FlowRun({ id, lead }: { id: string; lead: boolean }) {
  return (
    <div className="page">
      <h1>Bot run</h1>
      <RunTrace id={id} flowLink={lead} />
    </div>
  );
}
