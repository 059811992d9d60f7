"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiClientError } from "@/lib/api/client";
import type { Dashboard } from "@/lib/dashboards/dashboard";
import type { DashboardDraft } from "@/lib/dashboards/layout-edits";
import { dashboardDetailOptions, dashboardKeys, saveDashboard, type DashboardDetail } from "./dashboard-queries";

/** Someone saved the dashboard after this editor opened it: who, and their version. */
export type SaveConflict = { theirs: Dashboard };

/**
 * "Save": one PATCH with the version the editor started from, so a save in between is refused (409)
 * instead of overwritten. On a conflict the latest version is read to say who saved; "Save mine over
 * theirs" then saves against their version, on purpose.
 */
export function useSaveDashboard(dashboard: Dashboard, onSaved: (saved: Dashboard) => void) {
  const queryClient = useQueryClient();
  const [baseVersion, setBaseVersion] = useState(dashboard.version);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);

  const save = useMutation({
    mutationFn: ({ draft, base }: { draft: DashboardDraft; base: number }) =>
      saveDashboard(dashboard.id, { name: draft.name, description: draft.description, layout: draft.layout, baseVersion: base }),
    onSuccess: (saved) => {
      setConflict(null);
      queryClient.setQueryData<DashboardDetail>(dashboardKeys.detail(dashboard.id), (old) => (old ? { ...old, dashboard: saved } : old));
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.detail(dashboard.id) });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.versions(dashboard.id) });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.list() });
      onSaved(saved);
    },
    onError: async (error) => {
      if (!(error instanceof ApiClientError) || error.status !== 409) return;
      try {
        const latest = await queryClient.fetchQuery({ ...dashboardDetailOptions(dashboard.id), staleTime: 0 });
        setConflict({ theirs: latest.dashboard });
      } catch {
        setConflict(null);
      }
    },
  });

  return {
    save: (draft: DashboardDraft) => save.mutate({ draft, base: baseVersion }),
    /** Saves over the conflicting version (the editor chose to, having been told who saved it). */
    overwrite: (draft: DashboardDraft) => {
      const base = conflict?.theirs.version ?? baseVersion;
      setBaseVersion(base);
      save.mutate({ draft, base });
    },
    pending: save.isPending,
    error: save.error,
    conflict,
  };
}
