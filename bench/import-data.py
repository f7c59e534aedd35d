#!/usr/bin/env python3
"""Writes N tracks as one Web API search response ({"tracks":{"items":[...]}}): full track objects,
each with its simplified album and artists and every market, as GET /v1/tracks returns them without a
market. 10 tracks an album, 40 an artist; ids are base62 and deterministic."""
import json, sys

MARKETS = ("AD AE AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CG CH CI "
           "CL CM CO CR CV CW CY CZ DE DJ DK DM DO DZ EC EE EG ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR "
           "GT GW GY HK HN HR HT HU ID IE IL IN IQ IS IT JM JO JP KE KG KH KI KM KN KR KW KZ LA LB LC LI LK "
           "LR LS LT LU LV LY MA MC MD ME MG MH MK ML MN MO MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR "
           "NZ OM PA PE PG PH PK PL PR PS PT PW PY QA RO RS RW SA SB SC SE SG SI SK SL SM SN SR ST SV SZ TD "
           "TG TH TJ TL TN TO TR TT TV TW TZ UA UG US UY UZ VC VE VN VU WS XK ZA ZM ZW").split()
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = "http://127.0.0.1:8080"

def ident(kind, n):
    value, out = n * 7919 + {"artist": 1, "album": 2, "track": 3}[kind] * 10**30, []
    while len(out) < 22:
        value, digit = divmod(value, 62)
        out.append(ALPHABET[digit])
    return "".join(reversed(out))

def ref(kind, id_, **fields):
    return {"external_urls": {"spotify": f"{BASE}/{kind}/{id_}"}, "href": f"{BASE}/v1/{kind}s/{id_}",
            "id": id_, "type": kind, "uri": f"spotify:{kind}:{id_}", **fields}

def main(count, out):
    with open(out, "w") as f:
        f.write('{"tracks":{"href":null,"limit":%d,"offset":0,"total":%d,"items":[' % (count, count))
        for n in range(count):
            artist = ref("artist", ident("artist", n // 40), name=f"Artist {n // 40}")
            album_n = n // 10
            album = ref("album", ident("album", album_n), album_type="album", total_tracks=10,
                        available_markets=MARKETS, images=[], name=f"Album {album_n}",
                        release_date=f"{1960 + album_n % 60}-0{1 + album_n % 9}-1{album_n % 10}",
                        release_date_precision="day", artists=[artist], is_playable=True)
            track = ref("track", ident("track", n), album=album, artists=[artist], available_markets=MARKETS,
                        disc_number=1, duration_ms=120000 + n % 180000, explicit=n % 7 == 0,
                        external_ids={"isrc": "ZZBEN%07d" % n}, is_playable=True, is_local=False,
                        name=f"Track {n}", popularity=n % 101, preview_url=None, track_number=1 + n % 10)
            f.write(("," if n else "") + json.dumps(track, separators=(",", ":")))
        f.write("]}}")

if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
