import { Notice } from "./notice";

export function NotAllowed({ role }: { role: string }) {
  return <Notice tone="warn">This page needs the {role} role. Ask an admin if you need access.</Notice>;
}
