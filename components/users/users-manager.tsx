"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ApiClientError, apiFetch } from "@/lib/api/client";
import type { PendingInviteList } from "@/lib/auth/pending-invite";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { User } from "@/lib/auth/users";
import { createInvite, inviteKeys, type CreatedInvite } from "./invite-queries";
import { PendingInvites } from "./pending-invites";

const selectClass = "rounded-md border border-line bg-surface px-2 py-1.5 text-sm";

export type UsersManagerProps = {
  users: User[];
  currentUserId: number;
  /** The pending invites as the server read them for the page. */
  invites: PendingInviteList;
};

export function UsersManager({ users, currentUserId, invites }: UsersManagerProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [invite, setInvite] = useState<CreatedInvite | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>("editor");
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {error ? <Notice tone="error">{error}</Notice> : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <Card>
        <h2 className="font-medium">Invite someone</h2>
        <p className="mt-1 text-sm text-muted">
          Sounding makes a one-time link valid for 7 days. Send it yourself; it is shown only once.
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <label className="text-sm" htmlFor="invite-role">
            Role
          </label>
          <select id="invite-role" className={selectClass} value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <Button
            disabled={busy}
            onClick={() =>
              run(async () => {
                setInvite(await createInvite(inviteRole));
                await queryClient.invalidateQueries({ queryKey: inviteKeys.pending() });
              })
            }
          >
            Create invite link
          </Button>
        </div>
        {invite ? (
          <div className="mt-3 flex flex-col gap-1">
            <label htmlFor="invite-url" className="text-sm font-medium">
              Invite link for a new {invite.role} (expires {new Date(invite.expiresAt).toLocaleDateString()})
            </label>
            <div className="flex gap-2">
              <input id="invite-url" readOnly value={invite.url} className="w-full rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <Button variant="secondary" onClick={() => navigator.clipboard?.writeText(invite.url)}>
                Copy
              </Button>
            </div>
          </div>
        ) : null}
      </Card>

      {/* A revoked link that is still shown above would mislead: it goes too. */}
      <PendingInvites initial={invites} onRevoked={(id) => setInvite((shown) => (shown?.id === id ? null : shown))} />

      <Card padded={false} className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-line text-left text-muted">
            <tr>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Email</th>
              <th className="px-4 py-2 font-medium">Role</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-line last:border-0">
                <td className="px-4 py-2">{user.name}</td>
                <td className="px-4 py-2 text-muted">{user.email}</td>
                <td className="px-4 py-2">
                  <select
                    aria-label={`Role of ${user.name}`}
                    className={selectClass}
                    value={user.role}
                    disabled={busy}
                    onChange={(e) =>
                      run(() => apiFetch(`/api/users/${user.id}`, { method: "PATCH", body: { role: e.target.value } }))
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-4 py-2 text-right">
                  {user.id === currentUserId ? (
                    <span className="text-xs text-muted">you</span>
                  ) : (
                    <div className="flex justify-end gap-1">
                      <Button
                        variant="ghost"
                        disabled={busy}
                        aria-label={`Sign ${user.name} out everywhere`}
                        onClick={() =>
                          run(async () => {
                            const { ended } = await apiFetch<{ ended: number }>(`/api/users/${user.id}/sessions`, { method: "DELETE" });
                            setNotice(`${user.name} was signed out of ${ended} ${ended === 1 ? "session" : "sessions"}.`);
                          })
                        }
                      >
                        Sign out everywhere
                      </Button>
                      <Button
                        variant="ghost"
                        className="text-bad"
                        disabled={busy}
                        onClick={() => {
                          if (window.confirm(`Remove ${user.name} (${user.email})? They lose access at once.`)) {
                            void run(() => apiFetch(`/api/users/${user.id}`, { method: "DELETE" }));
                          }
                        }}
                      >
                        Remove
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
