import { DashboardList } from "@/components/dashboards/dashboard-list";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { dashboardIdSchema } from "@/lib/dashboards/dashboard";
import { listDashboards } from "@/lib/dashboards/dashboards-service";

export const metadata = { title: "Dashboards" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Every dashboard with its tiles, owner and last change; editors create, duplicate and delete (with an
 * undo). `?deleted=<id>` is where a board's own "Delete" lands, so its undo is offered here too.
 */
export default async function DashboardsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const [dashboards, params] = await Promise.all([listDashboards(), searchParams]);
  const deleted = dashboardIdSchema.safeParse(params.deleted);
  return <DashboardList initial={dashboards} canEdit={hasRole(user.role, "editor")} deletedId={deleted.success ? deleted.data : null} />;
}
