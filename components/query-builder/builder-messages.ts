/**
 * Reads lib/query's messages-by-path for one control: its own path and everything below it
 * (`filters.0` covers `filters.0.value`). The builder shows them beside the control at fault.
 */
import type { QueryMessages, ReportQuery } from "@/lib/query/report-query";

export function messagesAt(messages: QueryMessages, path: string, { nested = true } = {}): string[] {
  const found: string[] = [];
  for (const [key, list] of Object.entries(messages)) {
    if (key === path || (nested && key.startsWith(`${path}.`))) {
      for (const message of list) if (!found.includes(message)) found.push(message);
    }
  }
  return found;
}

/** Every message once, in the order the controls appear: what the summary beside Run lists. */
export function allMessages(messages: QueryMessages): string[] {
  const found: string[] = [];
  for (const list of Object.values(messages)) for (const message of list) if (!found.includes(message)) found.push(message);
  return found;
}

/**
 * `messages` without those of the filter rows at `indexes` (the rows still waiting to be touched), so the
 * summary beside Run says no more than the rows themselves do.
 */
export function withoutFilterRows(messages: QueryMessages, indexes: readonly number[]): QueryMessages {
  if (indexes.length === 0) return messages;
  const quiet = indexes.map((index) => `filters.${index}`);
  return Object.fromEntries(Object.entries(messages).filter(([key]) => !quiet.some((path) => key === path || key.startsWith(`${path}.`))));
}

/** What every section of the builder gets: the draft query, how to change it, and its rule messages. */
export type BuilderSectionProps = {
  value: ReportQuery;
  onChange: (next: ReportQuery) => void;
  messages: QueryMessages;
};
