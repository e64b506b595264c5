/** A bot (an automation flow) holds the conversation; with its run, the badge leads to the run's trace. */
export function BotBadge({ runId, flow }: { runId?: string; flow?: string }) {
  const title = "A bot is talking to the customer; an answer, a claim or a transfer by a person stops it.";
  if (!runId)
    return (
      <span className="badge bot" title={title}>
        Bot
      </span>
    );
  return (
    <a className="badge bot" href={`#/flow-runs/${runId}`} title={title}>
      Bot{flow ? ` · ${flow}` : ""}
    </a>
  );
}
