import "server-only";
import type { Kysely } from "kysely";
import { database } from "./db";
import { createInvitesRepository, type InvitesRepository } from "./invites-repository";
import type { Database } from "./schema";
import { createSettingsRepository, type SettingsRepository } from "./settings-repository";
import { createUsersRepository, type UsersRepository } from "./users-repository";

/** The repositories an account change works with, all bound to one transaction. */
export type AccountRepositories = { users: UsersRepository; invites: InvitesRepository; settings: SettingsRepository };

/**
 * Runs `work` in one database transaction (all of its writes happen, or none: a thrown error rolls back),
 * on the process-wide database unless `db` is given.
 */
export async function accountTransaction<T>(work: (repositories: AccountRepositories) => Promise<T>, db?: Kysely<Database>): Promise<T> {
  return (db ?? (await database()))
    .transaction()
    .execute((trx) =>
      work({ users: createUsersRepository(trx), invites: createInvitesRepository(trx), settings: createSettingsRepository(trx) }),
    );
}
