"use client";
import type { ReportQuery, QueryMessages } from "@/lib/query/report-query";
import { messagesAt } from "./builder-messages";
import type { BuilderSite } from "./builder-site";
import { ControlField, controlClass } from "./control-field";
import { changeEntity, changeSite, findSite } from "@/lib/query/query-edits";
import { SegmentedControl } from "./segmented-control";

const ENTITY_OPTIONS = [
  { value: "pageview", label: "Pageviews" },
  { value: "event", label: "Events" },
] as const;

/** Which site, pageviews or an event, and which event. */
export function SourceSection({
  value,
  onChange,
  sites,
  messages,
}: {
  value: ReportQuery;
  onChange: (next: ReportQuery) => void;
  sites: readonly BuilderSite[];
  messages: QueryMessages;
}) {
  const site = findSite(sites, value.site);
  const events = site?.events ?? [];
  const siteMessages = site ? messagesAt(messages, "site") : [...messagesAt(messages, "site"), "Pick a site from the list"];
  const eventKnown = value.event === undefined || events.some((event) => event.name === value.event);
  const currencyUnknown =
    value.metrics.includes("value") && events.some((event) => event.name === value.event && event.currency === null);
  return (
    <div className="flex flex-col gap-3">
      <ControlField label="Site" messages={siteMessages}>
        {(props) => (
          <select
            {...props}
            className={controlClass}
            value={site ? value.site : ""}
            onChange={(event) => {
              const next = findSite(sites, event.target.value);
              if (next) onChange(changeSite(value, next));
            }}
          >
            {site ? null : <option value="">Pick a site</option>}
            {sites.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </ControlField>
      <SegmentedControl
        label="Report on"
        value={value.entity}
        options={ENTITY_OPTIONS}
        onChange={(entity) => onChange(changeEntity(value, entity, site))}
        messages={messagesAt(messages, "entity")}
      />
      {value.entity === "event" ? (
        <ControlField
          label="Event"
          messages={messagesAt(messages, "event")}
          hint={
            events.length === 0
              ? "This site has no events yet. Create one in Fathom, or report on pageviews."
              : !eventKnown
                ? `“${value.event}” is not one of this site's events; it will report nothing.`
                : currencyUnknown
                  ? "Fathom doesn't tell Sounding this event's currency, so values show as plain amounts. Set it on the Sites page to see them as money."
                  : undefined
          }
        >
          {(props) => (
            <select
              {...props}
              className={controlClass}
              value={value.event ?? ""}
              onChange={(event) => onChange({ ...value, event: event.target.value })}
            >
              {value.event === undefined || !eventKnown ? <option value={value.event ?? ""}>{value.event ?? "Pick an event"}</option> : null}
              {events.map((event) => (
                <option key={event.id} value={event.name}>
                  {event.name}
                </option>
              ))}
            </select>
          )}
        </ControlField>
      ) : null}
    </div>
  );
}
