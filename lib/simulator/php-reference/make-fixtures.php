<?php
/*
 * Writes fixtures.json: how PHP 8 (the language of Fathom's Laravel back end) reads query strings,
 * dates, booleans and string lengths, so the simulator's readers are tested against PHP itself.
 * Run from this folder after changing a corpus: php make-fixtures.php > fixtures.json
 * (Debian: apt-get install php-cli). CI does not need PHP; it reads the committed fixtures.
 */

/** A PHP array as ordered [key, value] pairs (keys keep their type: int or string). */
function pairs($value) {
    if (!is_array($value)) return $value;
    $out = [];
    foreach ($value as $key => $item) $out[] = [$key, pairs($item)];
    return ['array' => $out];
}

$queries = [
    "filters[0][property]=pathname&filters[0][operator]=is&filters[0][value]=/",
    "filters[][property]=pathname&filters[][operator]=is&filters[][value]=/",
    "filters[property]=pathname&filters[operator]=is&filters[value]=/",
    "filters=%7B%7D",
    "filters=[]",
    "a=1&a=2", "a[]=1&a[]=2", "a[x]=1&a=2", "a=2&a[x]=1", "a[]=1&a=2&a[]=3",
    "a.b=1", "a b=2", "a.b=1&a b=2", "a+b=c+d", " a=1", "  a[x]=1",
    "a[b=1", "a[b=1[c]", "a]b=1", "a[b]c=1", "a[b][c=1", "a[b]c[d]=1",
    "a[b][c][d][e][f][g]=1", "a[ b ]=1", "a[ ]=1", "a[  ]=1", "a[ x]=1", "a[\tx]=1", "a[\r]=1", "a[ \t]=1", "a%00b=1", "a=x%00y", "a[x%00y]=1", "a[=1", "a[.]=1", "a.b[c.d]=1", "a[b.c d]=1",
    "=1", "=", "a", "a=", "&&a=1&", "a==1", "a=1=2", ";a=1", "a=1;b=2",
    "a[0]=x&a[]=y", "a[5]=x&a[]=y", "a[-1]=x&a[]=y", "a[05]=x&a[5]=y", "a[1]=x&a[0]=y", "a[9223372036854775807]=x", "a[9223372036854775808]=x",
    "a[x]=1&a[]=2", "a[1.5]=x", "a[-0]=x", "a[0x1]=x",
    "a%5B0%5D=1", "a%5b0%5d=1", "a%5B%5D=1&a%5B%5D=2", "%61=1", "%zz=1", "a=%zz", "a=%", "a=%2", "a=%e2%82%ac", "a=%FF", "a=+%2B+",
    "a[][]=1&a[][]=2", "a[x][]=1&a[x][]=2", "a[][x]=1&a[][y]=2",
    "a[x]=1&a[x][y]=2", "a[x][y]=2&a[x]=1",
    "entity=pageview&entity=event", "aggregates[]=visits&aggregates[]=pageviews",
    "filters[0][property]=pathname&filters[0][operator]=is+like&filters[0][value]=%2Fblog",
    "filters[1][property]=pathname&filters[1][operator]=is&filters[1][value]=/&filters[0][property]=device_type&filters[0][operator]=is&filters[0][value]=Mobile",
    "filters[a][property]=pathname&filters[a][operator]=is&filters[a][value]=/",
    "filters[0][property][]=pathname&filters[0][operator]=is&filters[0][value]=/",
];
$parsed = [];
foreach ($queries as $query) {
    parse_str($query, $out);
    $parsed[] = ['query' => $query, 'php' => pairs($out)];
}

/** Laravel's `date` rule: strtotime() reads it and date_parse() finds a real calendar date. */
function laravelDate($value) {
    if (!is_string($value) && !is_numeric($value)) return false;
    if (strtotime($value) === false) return false;
    $date = date_parse($value);
    return checkdate($date['month'] ?: 0, $date['day'] ?: 0, $date['year'] ?: 0);
}

$dates = [
    "2026-11-01", "2026-11-01 10:00", "2026-11-01 10:00:00", "2026-11-01T10:00", "2026-11-01T10:00:00",
    "2026-11-01T09:58:30.142Z", "2026-11-01T09:58:30.142z", "2026-11-01T09:58:30Z", "2026-11-01 09:58:30Z", "2026-11-01 09:58:30 Z",
    "2026-11-01T09:58:30+02:00", "2026-11-01T09:58:30-05:30", "2026-11-01T09:58:30+0200", "2026-11-01T09:58:30+02", "2026-11-01 09:58:30 +02:00",
    "2026-11-01T09:58:30.142+0530", "2026-11-01T09:58:30.999999Z", "2026-11-01 10:00:00.5", "2026-11-01 10:00:00 UTC", "2026-11-01 10:00:00 GMT",
    "2026-11-01 10:00:00 utc", "2026-11-01Z", "2026-11-01 00:00:00", "2026-11-01 23:59:59", "2026-11-01 24:00:00", "2026-11-01 24:00",
    "2026-11-01T10", "2026-1-5", "2026-01-5", "2026-11-1 9:05:00", "2026-11-01 9:05", "2026-11-01 09:05:7", "2026/11/01", "2026/11/01 10:00:00", "11/01/2026", "1/5/2026",
    "01-11-2026", "01.11.2026", "1.11.2026", "20261101", "2026-11", "2026-03-08 02:30:00", "2026-11-01 01:30:00",
    "2026-11-01 10:5", "2026-11-01 10:00:60", "2026-11-01t10:00:00", "2026-11-01 10:00:00+02:00", "2026-11-01 10:00:00 +5", "2026-11-01T10:00:00+5:30",
    "2026-11-01T10:00:00.", "2026-11-01T10:00:00.1234567", "2026-11-01T10:00Z", "2026-11-01T10Z", "2026-11-01 10:00:00 z", "2026-11-01 10:00:00  UTC", "2026-11-01  10:00:00",
    "2026-11-01T10:00:00 +02:00", "2026-11-01 10:00:00.5Z", "2026-11-01 10:00:00 +14:00", "2026-11-01 10:00:00 -12:00", "2026-11-01 10:00:00 +24:00", "11/01/2026 10:00:00", "01.11.2026 10:00",
    "2026-03-29 01:30:00", "2026-10-25 01:30:00", "2026-04-05 02:30:00", "2026-10-04 02:30:00",
    "@1700000000", "@-1", "@1700000000.5",
    // refused by Laravel
    "now", "today", "tomorrow", "yesterday", "", " ", "2026-02-30", "2026-02-30 00:00:00", "2026-02-29", "2028-02-29", "2026-13-01", "2026-00-10", "0000-00-00",
    "2026-11-01 23:60:00", "2026-11-01 25:00:00", "2026-11-01 10", "2026-11-01 24:00:01", "2026-11-01T10:00:00+25:00", "banana", "2026-11-01 banana", "2026-11-01 10:00:00 Mars/Olympus",
    "2026-11-01T10:00:00,5", "2026-11-001", "2026-11-01 010:00", "@", "@abc", "@ 1700000000", "2026-02-29T10:00:00Z", "2026.11.01", "01.11.26", "2026-11-01 10:00:00 +25:00",
    // read by PHP, refused by the simulator (see README, "Dates")
    "1 November 2026", "Nov 1 2026", "2026-11-01 10am", "2026-11-01 +1 day", "2026-11-01 10:00:00 EST", "2026-11-01 10:00:00 Europe/Paris", "first monday of november 2026", "Sunday 2026-11-01",
    "2026-11", "2026-11-01Z", "99-11-01", "1/5/26", "10000-01-01", "2026-011-01", "2026-11-01T 10:00", "2026-11-01 10:00:00 GMT+2", "2026-11-01 10:00:00 UTC+02:00",
];
$zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];
$dateRows = [];
foreach ($dates as $text) {
    $row = ['text' => $text, 'valid' => laravelDate($text)];
    if ($row['valid']) {
        $row['hasTime'] = date_parse($text)['hour'] !== false;
        foreach ($zones as $zone) {
            $at = new DateTime($text, new DateTimeZone($zone));
            $end = $row['hasTime'] ? clone $at : (clone $at)->modify('tomorrow')->modify('-1 second');
            $row['zones'][$zone] = ['from' => $at->getTimestamp(), 'to' => $end->getTimestamp()];
        }
    }
    $dateRows[] = $row;
}

/** Wall times every 15 minutes from 3 h before to 3 h after each change of offset in 2026, read by DateTime in that zone. */
$transitionZones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Pacific/Chatham', 'America/St_Johns'];
$transitionRows = [];
foreach ($transitionZones as $zone) {
    $tz = new DateTimeZone($zone);
    foreach ($tz->getTransitions(strtotime('2026-01-01'), strtotime('2027-01-01')) as $i => $change) {
        if ($i === 0) continue; // the first entry is the offset in force at the start, not a change
        $wallOfChange = new DateTime((new DateTime('@' . $change['ts']))->setTimezone($tz)->format('Y-m-d H:i:s'), new DateTimeZone('UTC'));
        for ($minutes = -180; $minutes <= 180; $minutes += 15) {
            $wall = (clone $wallOfChange)->modify("$minutes minutes")->format('Y-m-d H:i:s');
            $transitionRows[] = ['zone' => $zone, 'wall' => $wall, 'at' => (new DateTime($wall, $tz))->getTimestamp()];
        }
    }
}

$booleans = ["1", "0", "true", "false", "on", "off", "yes", "no", "TRUE", "Yes", "ON", "No", " true ", "", "2", "-1", "y", "n", "maybe", "truee", "01", "1.0"];
$booleanRows = [];
foreach ($booleans as $text) {
    $booleanRows[] = ['text' => $text, 'php' => filter_var($text, FILTER_VALIDATE_BOOLEAN, FILTER_NULL_ON_FAILURE)];
}

$strings = ["Launch", "🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀", "Café", "Cafe\u{301}", "🇬🇧🇫🇷", "👩‍💻", "日本語のテキスト", str_repeat("é", 30), str_repeat("😀", 30), str_repeat("😀", 31)];
$lengthRows = [];
foreach ($strings as $text) $lengthRows[] = ['text' => $text, 'php' => mb_strlen($text)];

/** One row per line, so a change to the corpus reads as a change to its rows. */
$flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE | JSON_THROW_ON_ERROR;
$section = fn ($rows) => "[\n    " . implode(",\n    ", array_map(fn ($row) => json_encode($row, $flags), $rows)) . "\n  ]";
echo "{\n  \"php\": " . json_encode(PHP_VERSION) . ",\n  \"queries\": " . $section($parsed) . ",\n  \"dates\": " . $section($dateRows)
    . ",\n  \"transitions\": " . $section($transitionRows) . ",\n  \"booleans\": " . $section($booleanRows) . ",\n  \"lengths\": " . $section($lengthRows) . "\n}\n";
