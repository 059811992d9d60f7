/** The accounts the end-to-end journeys create. */
export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery staple" };
export const DEMO_ADMIN = { name: "Demo Admin", email: "demo@example.com", password: "demo password 123" };
