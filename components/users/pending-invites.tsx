"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { RelativeTime } from "@/components/saved-reports/relative-time";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import type { PendingInvite, PendingInviteList } from "@/lib/auth/pending-invite";
import { formatAgo } from "@/lib/format/format-date";
import { InviteExpiry } from "./invite-expiry";
import { inviteKeys, pendingInvitesOptions, revokeInvite } from "./invite-queries";

const cell = "px-4 py-2";

export type PendingInvitesProps = {
  /** The list as the server read it for the page. */
  initial: PendingInviteList;
  /** An invite was revoked (the manager hides its link if it is the one just made). */
  onRevoked?: (id: number) => void;
};

/** The invites not yet used or expired, each with who made it, when it expires, and Revoke (asked first). */
export function PendingInvites({ initial, onRevoked }: PendingInvitesProps) {
  const queryClient = useQueryClient();
  const { data } = useQuery({ ...pendingInvitesOptions(), initialData: initial });
  const heading = useRef<HTMLHeadingElement>(null);
  // A counter beside the words, so saying the same thing twice is announced twice.
  const [said, setSaid] = useState({ text: "", n: 0 });

  const revoke = useMutation({
    mutationFn: (invite: PendingInvite) => revokeInvite(invite.id),
    onSuccess: (_, invite) => {
      queryClient.setQueryData(inviteKeys.pending(), (before: PendingInviteList | undefined) =>
        before ? { ...before, invites: before.invites.filter((entry) => entry.id !== invite.id) } : before,
      );
      setSaid((before) => ({ text: `Revoked the ${invite.role} invite: its link no longer works.`, n: before.n + 1 }));
      onRevoked?.(invite.id);
      // Its row (and the Revoke button the dialog would give the focus back to) is gone.
      heading.current?.focus();
    },
    // Also after a failure: a 404 means someone used it or another admin revoked it meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: inviteKeys.pending() }),
  });

  const { invites, now } = data;
  return (
    <Card padded={false}>
      <div className="flex flex-col gap-1 p-4 pb-2">
        <h2 ref={heading} tabIndex={-1} className="font-medium outline-none">
          Pending invites
        </h2>
        <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
          <span key={said.n}>{said.text}</span>
        </p>
        {revoke.error ? (
          <Notice tone="error">
            Could not revoke the {revoke.variables.role} invite. {revoke.error.message}
          </Notice>
        ) : null}
      </div>
      {invites.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-muted">No pending invites. A link you make is listed here until it is used, expires or is revoked.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Pending invites</caption>
            <thead className="border-y border-line text-left text-muted">
              <tr>
                <th scope="col" className={`${cell} font-medium`}>
                  Role
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Invited by
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Created
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  Expires
                </th>
                <th scope="col" className={cell}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => {
                const made = `made by ${invite.invitedBy.name} ${formatAgo(invite.createdAt, new Date(now))}`;
                return (
                  <tr key={invite.id} data-invite-id={invite.id} className="border-b border-line last:border-0">
                    <td className={cell}>{invite.role}</td>
                    <td className={`${cell} text-muted`}>{invite.invitedBy.name}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <RelativeTime iso={invite.createdAt} now={now} />
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <InviteExpiry iso={invite.expiresAt} now={now} />
                    </td>
                    <td className={`${cell} text-right`}>
                      <ConfirmDialog
                        triggerText="Revoke"
                        triggerLabel={`Revoke the ${invite.role} invite ${made}`}
                        title="Revoke this invite?"
                        confirmText="Revoke invite"
                        tone="danger"
                        disabled={revoke.isPending && revoke.variables.id === invite.id}
                        onConfirm={() => revoke.mutate(invite)}
                      >
                        <p>
                          The link for a new {invite.role}, {made}, stops working at once: whoever opens it is told it is no longer valid.
                        </p>
                        <p>To invite them after all, make a new link.</p>
                      </ConfirmDialog>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
