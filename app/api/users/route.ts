import { route } from "@/lib/api/route";
import { listUsers } from "@/lib/auth/users";

export const GET = route({ access: "admin" }, async () => ({ users: await listUsers() }));
