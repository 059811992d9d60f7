import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DashboardBoard } from "@/components/dashboards/dashboard-board";
import { isApiError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { getDashboard } from "@/lib/dashboards/dashboards-service";
import { loadDashboardSites } from "../load-dashboard-sites";

type Params = Promise<{ id: string }>;

/**
 * The dashboard of a path id, or a 404 page: a hostile id (`abc`, `0`, `1e3`) and an unknown or deleted
 * dashboard are "not found", never a 500. Cached per request, so the title and the page read it once.
 */
const loadDashboard = cache(async (raw: string) => {
  const id = dashboardIdSchema.safeParse(raw);
  if (!id.success) notFound();
  try {
    return await getDashboard(id.data);
  } catch (error) {
    if (isApiError(error) && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await requireUser();
  const { dashboard } = await loadDashboard((await params).id);
  return { title: dashboard.name };
}

/**
 * A dashboard: its tiles over the range and filters in the address (a link opens exactly that board;
 * the browser reads them, the server renders them the same way), for everyone signed in; editing,
 * duplicating, deleting and restoring for editors.
 */
export default async function DashboardPage({ params }: { params: Params }) {
  const user = await requireUser();
  const [detail, sites] = await Promise.all([loadDashboard((await params).id), loadDashboardSites()]);
  return (
    <DashboardBoard
      key={detail.dashboard.id}
      initial={detail}
      sites={sites.sites}
      sitesProblem={sites.problem}
      canEdit={hasRole(user.role, "editor")}
    />
  );
}
