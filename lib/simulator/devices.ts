/**
 * Device, operating system and browser combinations with rough shares of web traffic. They always
 * agree (no Safari on Windows, no Samsung Internet on a Mac) because a visitor is drawn as one row.
 */
export type DeviceType = "Desktop" | "Mobile" | "Tablet";
export type Device = { deviceType: DeviceType; os: string; browser: string; weight: number };

export const DEVICES: readonly Device[] = [
  { deviceType: "Desktop", os: "Windows", browser: "Chrome", weight: 22 },
  { deviceType: "Desktop", os: "Windows", browser: "Edge", weight: 7 },
  { deviceType: "Desktop", os: "Windows", browser: "Firefox", weight: 3.5 },
  { deviceType: "Desktop", os: "Windows", browser: "Opera", weight: 0.8 },
  { deviceType: "Desktop", os: "Mac OS X", browser: "Chrome", weight: 10 },
  { deviceType: "Desktop", os: "Mac OS X", browser: "Safari", weight: 8 },
  { deviceType: "Desktop", os: "Mac OS X", browser: "Firefox", weight: 1.8 },
  { deviceType: "Desktop", os: "Mac OS X", browser: "Edge", weight: 0.6 },
  { deviceType: "Desktop", os: "Linux", browser: "Chrome", weight: 1.5 },
  { deviceType: "Desktop", os: "Linux", browser: "Firefox", weight: 1.5 },
  { deviceType: "Desktop", os: "Chrome OS", browser: "Chrome", weight: 0.9 },
  { deviceType: "Mobile", os: "iOS", browser: "Safari", weight: 17 },
  { deviceType: "Mobile", os: "iOS", browser: "Chrome", weight: 2.5 },
  { deviceType: "Mobile", os: "Android", browser: "Chrome", weight: 12 },
  { deviceType: "Mobile", os: "Android", browser: "Samsung Internet", weight: 3 },
  { deviceType: "Mobile", os: "Android", browser: "Firefox", weight: 0.4 },
  { deviceType: "Tablet", os: "iOS", browser: "Safari", weight: 3 },
  { deviceType: "Tablet", os: "Android", browser: "Chrome", weight: 1 },
];

/** Weights over DEVICES after scaling each device type (`{ Mobile: 1.5 }` = a mobile-heavy audience). */
export function deviceWeights(bias: Partial<Record<DeviceType, number>>): number[] {
  return DEVICES.map((device) => device.weight * (bias[device.deviceType] ?? 1));
}
