"use client";
import Link from "next/link";
import { siteEventsHref } from "@/components/events/event-links";
import { messagesAt, type BuilderSectionProps } from "./builder-messages";
import type { BuilderSite } from "./builder-site";
import { ControlSelect } from "./control-field";
import { ENTITIES, entityLabel } from "@/lib/query/fathom-fields";
import { changeEntity, changeSite, findSite } from "@/lib/query/query-edits";
import { SegmentedControl } from "./segmented-control";

const ENTITY_OPTIONS = ENTITIES.map((entity) => ({ value: entity, label: entityLabel(entity) }));

/** Which site, pageviews or an event, and which event. */
export function SourceSection({
  value,
  onChange,
  sites,
  messages,
}: BuilderSectionProps & { sites: readonly BuilderSite[] }) {
  const site = findSite(sites, value.site);
  const events = site?.events ?? [];
  const siteMessages = site ? messagesAt(messages, "site") : [...messagesAt(messages, "site"), "Pick a site from the list"];
  const eventKnown = value.event === undefined || events.some((event) => event.name === value.event);
  const currencyUnknown =
    value.metrics.includes("value") && events.some((event) => event.name === value.event && event.currency === null);
  return (
    <div className="flex flex-col gap-3">
      <ControlSelect
        label="Site"
        messages={siteMessages}
        value={site ? value.site : ""}
        placeholder={site ? undefined : { value: "", label: "Pick a site" }}
        options={sites.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        onChange={(id) => {
          const next = findSite(sites, id);
          if (next) onChange(changeSite(value, next));
        }}
      />
      <SegmentedControl
        label="Report on"
        value={value.entity}
        options={ENTITY_OPTIONS}
        onChange={(entity) => onChange(changeEntity(value, entity, site))}
        messages={messagesAt(messages, "entity")}
      />
      {value.entity === "event" ? (
        <ControlSelect
          label="Event"
          messages={messagesAt(messages, "event")}
          hint={
            events.length === 0
              ? "This site has no events yet. Create one in Fathom, or report on pageviews."
              : !eventKnown
                ? `“${value.event}” is not one of this site's events; it will report nothing.`
                : currencyUnknown
                  ? (
                      <>
                        Fathom doesn&apos;t tell Sounding this event&apos;s currency, so values show as plain amounts. Set it on the{" "}
                        <Link href={siteEventsHref(value.site)} className="text-accent underline">
                          site&apos;s Events page
                        </Link>{" "}
                        to see them as money.
                      </>
                    )
                  : undefined
          }
          value={value.event ?? ""}
          placeholder={value.event === undefined || !eventKnown ? { value: value.event ?? "", label: value.event ?? "Pick an event" } : undefined}
          options={events.map((event) => ({ value: event.name, label: event.name }))}
          onChange={(name) => onChange({ ...value, event: name })}
        />
      ) : null}
    </div>
  );
}
