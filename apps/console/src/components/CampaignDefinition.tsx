import { parametersOf } from "../campaigns/campaign-draft";
import type { Campaign } from "@openwaba/contracts/suite";
import { numberWords, usePhoneNumbers } from "../numbers/use-phone-numbers";
import { audienceWords, scheduleWords } from "../campaigns/campaign-words";

/** What a campaign was defined (and sent) with, in words. */
export function CampaignDefinition({ campaign }: { campaign: Campaign }) {
  const { template, audience, schedule, max_mps } = campaign.spec;
  const parameters = parametersOf(template);
  const number = usePhoneNumbers().find((n) => n.id === campaign.phone_number_id);
  return (
    <section className="definition" aria-label="Definition">
      <h2>Definition</h2>
      <dl>
        <dt>Template</dt>
        <dd>
          {template.name} ({template.language}, {campaign.category.toLowerCase()})
        </dd>
        {parameters.length > 0 && (
          <>
            <dt>Parameters</dt>
            <dd>
              <ol>
                {parameters.map((p, i) => (
                  <li key={i}>
                    <code>{p}</code>
                  </li>
                ))}
              </ol>
            </dd>
          </>
        )}
        <dt>From the number</dt>
        <dd>{number ? numberWords(number) : campaign.phone_number_id}</dd>
        <dt>Audience</dt>
        <dd>{audienceWords(audience)}</dd>
        {"phones" in audience && (
          <>
            <dt>Numbers</dt>
            <dd className="muted">
              {audience.phones.slice(0, 20).join(", ")}
              {audience.phones.length > 20 ? ` … and ${audience.phones.length - 20} more` : ""}
            </dd>
          </>
        )}
        <dt>When</dt>
        <dd>{scheduleWords(schedule)}</dd>
        <dt>Pace</dt>
        <dd>{max_mps ? `at most ${max_mps} messages a second` : "as fast as the number may"}</dd>
      </dl>
    </section>
  );
}
