/**
 * Runs once when the server starts (next start and next dev): validates the configuration, creates
 * DATA_DIR and APP_SECRET if needed and migrates the database. A bad configuration stops the server with
 * a message naming the variable.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/start");
  await startServer();
}
