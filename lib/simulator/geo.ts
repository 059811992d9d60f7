/**
 * Places visitors come from: countries, their regions (with the subdivision code Fathom calls `state`)
 * and cities, with rough shares of each country's traffic. Country, region and city of a visitor always
 * agree because a visitor is drawn as one city of this list.
 */

export type Place = { countryCode: string; region: string; state: string; city: string; weight: number };

type CountryData = Array<[region: string, state: string, cities: Array<[city: string, weight: number]>]>;

const COUNTRIES: Record<string, CountryData> = {
  US: [
    ["California", "CA", [["Los Angeles", 9], ["San Francisco", 8], ["San Diego", 4], ["San Jose", 3]]],
    ["New York", "NY", [["New York", 14], ["Buffalo", 1.5], ["Rochester", 1]]],
    ["Texas", "TX", [["Austin", 5], ["Houston", 5], ["Dallas", 4]]],
    ["Washington", "WA", [["Seattle", 6], ["Spokane", 1]]],
    ["Illinois", "IL", [["Chicago", 7]]],
    ["Massachusetts", "MA", [["Boston", 5], ["Cambridge", 1.5]]],
    ["Florida", "FL", [["Miami", 4], ["Orlando", 2.5], ["Tampa", 2]]],
    ["Georgia", "GA", [["Atlanta", 4]]],
    ["Colorado", "CO", [["Denver", 3.5], ["Boulder", 1]]],
    ["Oregon", "OR", [["Portland", 3]]],
    ["Pennsylvania", "PA", [["Philadelphia", 3], ["Pittsburgh", 1.5]]],
    ["Virginia", "VA", [["Arlington", 2], ["Richmond", 1]]],
  ],
  GB: [
    ["England", "ENG", [["London", 20], ["Manchester", 4], ["Birmingham", 3], ["Bristol", 2.5], ["Leeds", 2], ["Brighton", 1.5]]],
    ["Scotland", "SCT", [["Edinburgh", 3], ["Glasgow", 2.5]]],
    ["Wales", "WLS", [["Cardiff", 1.5]]],
    ["Northern Ireland", "NIR", [["Belfast", 1]]],
  ],
  CA: [
    ["Ontario", "ON", [["Toronto", 8], ["Ottawa", 2.5]]],
    ["Quebec", "QC", [["Montreal", 4]]],
    ["British Columbia", "BC", [["Vancouver", 5]]],
    ["Alberta", "AB", [["Calgary", 2]]],
  ],
  DE: [
    ["Berlin", "BE", [["Berlin", 6]]],
    ["Bavaria", "BY", [["Munich", 4]]],
    ["Hamburg", "HH", [["Hamburg", 3]]],
    ["Hesse", "HE", [["Frankfurt am Main", 2.5]]],
    ["North Rhine-Westphalia", "NW", [["Cologne", 2.5], ["Düsseldorf", 1.5]]],
  ],
  FR: [
    ["Île-de-France", "IDF", [["Paris", 8]]],
    ["Auvergne-Rhône-Alpes", "ARA", [["Lyon", 2.5]]],
    ["Provence-Alpes-Côte d'Azur", "PAC", [["Marseille", 2], ["Nice", 1]]],
    ["Occitanie", "OCC", [["Toulouse", 1.5]]],
  ],
  NL: [
    ["North Holland", "NH", [["Amsterdam", 5]]],
    ["South Holland", "ZH", [["Rotterdam", 2], ["The Hague", 1.5]]],
    ["Utrecht", "UT", [["Utrecht", 1.5]]],
  ],
  IE: [["Leinster", "L", [["Dublin", 5]]], ["Munster", "M", [["Cork", 1.5]]]],
  ES: [["Madrid", "MD", [["Madrid", 4]]], ["Catalonia", "CT", [["Barcelona", 4]]], ["Valencia", "VC", [["Valencia", 1.5]]]],
  SE: [["Stockholm County", "AB", [["Stockholm", 4]]], ["Västra Götaland", "O", [["Gothenburg", 1.5]]]],
  IN: [
    ["Maharashtra", "MH", [["Mumbai", 4], ["Pune", 2]]],
    ["Karnataka", "KA", [["Bengaluru", 5]]],
    ["Delhi", "DL", [["New Delhi", 4]]],
    ["Tamil Nadu", "TN", [["Chennai", 2]]],
  ],
  BR: [["São Paulo", "SP", [["São Paulo", 5]]], ["Rio de Janeiro", "RJ", [["Rio de Janeiro", 3]]]],
  AU: [
    ["New South Wales", "NSW", [["Sydney", 12], ["Newcastle", 1.5], ["Wollongong", 1]]],
    ["Victoria", "VIC", [["Melbourne", 10], ["Geelong", 1]]],
    ["Queensland", "QLD", [["Brisbane", 5], ["Gold Coast", 3]]],
    ["Western Australia", "WA", [["Perth", 3.5]]],
    ["South Australia", "SA", [["Adelaide", 2]]],
  ],
  NZ: [["Auckland", "AUK", [["Auckland", 5]]], ["Wellington", "WGN", [["Wellington", 2]]], ["Canterbury", "CAN", [["Christchurch", 1.5]]]],
  JP: [
    ["Tokyo", "13", [["Tokyo", 12]]],
    ["Osaka", "27", [["Osaka", 5]]],
    ["Kanagawa", "14", [["Yokohama", 3]]],
    ["Aichi", "23", [["Nagoya", 2]]],
    ["Fukuoka", "40", [["Fukuoka", 1.5]]],
    ["Hokkaido", "01", [["Sapporo", 1.5]]],
  ],
  KR: [["Seoul", "11", [["Seoul", 5]]], ["Busan", "26", [["Busan", 1.5]]]],
  SG: [["Singapore", "SG", [["Singapore", 3]]]],
};

export const COUNTRY_CODES = Object.keys(COUNTRIES);

/** Every place, in a fixed order; a place's index is stable for a given build of the simulator. */
export const PLACES: readonly Place[] = COUNTRY_CODES.flatMap((countryCode) =>
  (COUNTRIES[countryCode] ?? []).flatMap(([region, state, cities]) =>
    cities.map(([city, weight]) => ({ countryCode, region, state, city, weight })),
  ),
);

/**
 * Weights over PLACES for a mix of countries (`{ US: 45, GB: 10 }` = shares of traffic): each country's
 * share is spread over its cities by their weights.
 */
export function placeWeights(countryShares: Record<string, number>): number[] {
  const totals = new Map<string, number>();
  for (const place of PLACES) totals.set(place.countryCode, (totals.get(place.countryCode) ?? 0) + place.weight);
  return PLACES.map((place) => ((countryShares[place.countryCode] ?? 0) * place.weight) / (totals.get(place.countryCode) ?? 1));
}
