import "server-only";
import type { Governed } from "@/lib/governor/answer-meta";
import { governedFathom, type GovernedFathom } from "@/lib/governor/governed-fathom";
import type { AggregationParams } from "@/lib/query/aggregation-params";
import type { EventCurrency } from "@/lib/query/fathom-fields";
import type { ProviderAnswer, ProviderRow, ReportProvider } from "@/lib/reports/provider";
import { database } from "@/lib/store/db";
import { eventCurrencies } from "@/lib/store/event-currencies";
import type { AggregationRow } from "./aggregations";

/** The governed reads a report needs (`governedFathom()` has them; tests pass fakes). */
export type FathomReportReads = Pick<GovernedFathom, "aggregate" | "listAllSites" | "listAllEvents" | "listAllMilestones">;

/** The currencies last set through Sounding, by event id (lib/store/event-currencies.ts). */
export type CurrencyBook = { ofSite(siteId: string): Promise<Map<string, EventCurrency>> };

function answer<T, R>(governed: Governed<T>, map: (data: T) => R): ProviderAnswer<R> {
  const { fetchedAt, cached, stale, shared } = governed.meta;
  return { data: map(governed.data), meta: { fetchedAt, cached, stale, shared } };
}

/** One aggregation row as a provider row: the aggregates asked for, the field groupings asked for, the bucket. */
export function toProviderRow(row: AggregationRow, params: Pick<AggregationParams, "aggregates" | "field_grouping">): ProviderRow {
  const values: ProviderRow["values"] = {};
  for (const aggregate of params.aggregates) {
    const value = row[aggregate];
    if (value !== undefined) values[aggregate] = value;
  }
  const fields: ProviderRow["fields"] = Object.fromEntries((params.field_grouping ?? []).map((field) => [field, row[field] ?? null]));
  return row.date === undefined ? { fields, values } : { date: row.date, fields, values };
}

/**
 * Fathom as a report provider: the governed lists and aggregations, in Sounding's terms. Fathom lists
 * events with `currency: null`, so an event's currency is Fathom's when it says one, else the one last
 * set through Sounding (the event currencies table), else null.
 */
export function createFathomReportProvider({ fathom, currencies }: { fathom: FathomReportReads; currencies: CurrencyBook }): ReportProvider {
  return {
    async listSites({ priority }) {
      return answer(await fathom.listAllSites({ priority }), (sites) =>
        sites.map((site) => ({ id: site.id, name: site.name, timezone: site.timezone, createdAt: site.created_at })),
      );
    },

    async listEvents(siteId, { priority }) {
      const [events, known] = await Promise.all([fathom.listAllEvents(siteId, { priority }), currencies.ofSite(siteId)]);
      return answer(events, (list) =>
        list.map((event) => ({ id: event.id, name: event.name, currency: event.currency ?? known.get(event.id) ?? null })),
      );
    },

    async listMilestones(siteId, { priority }) {
      return answer(await fathom.listAllMilestones(siteId, { priority }), (milestones) =>
        milestones.map((milestone) => ({ id: milestone.id, name: milestone.name, date: milestone.milestone_date.slice(0, 10) })),
      );
    },

    async aggregate(params, { priority, timezone, solo }) {
      return answer(await fathom.aggregate(params, { priority, timezone, solo }), (rows) => rows.map((row) => toProviderRow(row, params)));
    },
  };
}

/** The provider the report routes run with: the connection's Fathom behind the governor, the stored currencies. */
export async function fathomReportProvider(): Promise<ReportProvider> {
  return createFathomReportProvider({
    fathom: await governedFathom(),
    // Opened only when an event report asks for its event's currency.
    currencies: { ofSite: async (siteId) => eventCurrencies(await database()).ofSite(siteId) },
  });
}
