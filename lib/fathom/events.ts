import "server-only";
import { z } from "zod";
import { eventCurrencySchema, MAX_NAME_LENGTH } from "@/lib/query/fathom-fields";
import { retiredEndpointError } from "./errors";
import { checkInput, compact, type CallOptions, type FathomHttp } from "./http";
import { listAll, listParamsSchema, listQuery, listSchema, type ListParams } from "./pagination";
import { deletedSchema, idSchema } from "./values";

export const eventSchema = z.object({
  id: z.string(),
  object: z.literal("event"),
  name: z.string(),
  /** Only filled on create and update answers; null on list and get (reference, "List events"). */
  currency: eventCurrencySchema.nullish().transform((currency) => currency ?? null),
  created_at: z.string(),
});
export type FathomEvent = z.infer<typeof eventSchema>;

export const eventListSchema = listSchema(eventSchema);
export const eventDeletedSchema = deletedSchema("event");

const eventName = z.string().trim().min(1, "Give the event a name").max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters`);

export const createEventBodySchema = z.object({ name: eventName, currency: eventCurrencySchema.optional() });
export type CreateEventBody = z.input<typeof createEventBodySchema>;

export const updateEventBodySchema = z.object({ name: eventName.optional(), currency: eventCurrencySchema.optional() });
export type UpdateEventBody = z.input<typeof updateEventBodySchema>;

const siteIdSchema = idSchema("site");
const eventIdSchema = idSchema("event");

function eventPath(siteId: string, eventId?: string): string[] {
  const base = ["sites", checkInput(siteIdSchema, siteId, "site id"), "events"];
  return eventId === undefined ? base : [...base, checkInput(eventIdSchema, eventId, "event id")];
}

export function eventEndpoints(http: FathomHttp) {
  const listEvents = async (siteId: string, page: ListParams = {}, options: CallOptions = {}) =>
    http.request({
      method: "GET",
      path: eventPath(siteId),
      query: listQuery(checkInput(listParamsSchema, page, "page")),
      schema: eventListSchema,
      signal: options.signal,
    });

  return {
    listEvents,
    /** Every event of a site, walking all pages. */
    listAllEvents: (siteId: string, options: CallOptions = {}) =>
      listAll((page, pageOptions) => listEvents(siteId, page, pageOptions), options),

    getEvent: async (siteId: string, eventId: string, options: CallOptions = {}) =>
      http.request({ method: "GET", path: eventPath(siteId, eventId), schema: eventSchema, signal: options.signal }),

    createEvent: async (siteId: string, body: CreateEventBody, options: CallOptions = {}) =>
      http.request({
        method: "POST",
        path: eventPath(siteId),
        body: compact(checkInput(createEventBodySchema, body, "event")),
        schema: eventSchema,
        signal: options.signal,
      }),

    /** Sends only the fields given. */
    updateEvent: async (siteId: string, eventId: string, body: UpdateEventBody, options: CallOptions = {}) =>
      http.request({
        method: "POST",
        path: eventPath(siteId, eventId),
        body: compact(checkInput(updateEventBodySchema, body, "event")),
        schema: eventSchema,
        signal: options.signal,
      }),

    deleteEvent: async (siteId: string, eventId: string, options: CallOptions = {}) =>
      http.request({ method: "DELETE", path: eventPath(siteId, eventId), schema: eventDeletedSchema, signal: options.signal }),

    /** `DELETE /sites/{id}/events/{id}/data` is retired (410): refused here without spending a request. */
    wipeEvent: async (_siteId: string, _eventId: string, _options: CallOptions = {}): Promise<never> => {
      throw retiredEndpointError("Wiping an event's data");
    },
  };
}
