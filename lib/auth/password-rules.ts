/** Password rules the forms show and the server enforces. Isomorphic: no hashing here (lib/auth/password.ts). */
export const MIN_PASSWORD_LENGTH = 12;
