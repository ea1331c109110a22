#!/usr/bin/env python3
"""Client of scripts/evaluate-insights.sh: drives the evaluation APIs of a running service and
prints the three tables of docs/insights.md (standard library only).

  evaluate_insights.py BASE_URL DATA_DIR NABSCORE WORK_DIR
"""
import csv, json, os, random, statistics, subprocess, sys, urllib.error, urllib.request

BASE, DATA, NABSCORE, WORK = sys.argv[1:5]
NAB = os.path.join(DATA, "nab-dev")
HOURLY = ["realKnownCause/nyc_taxi.csv"] + ["realTweets/Twitter_volume_%s.csv" % s for s in
          ["AAPL", "AMZN", "CRM", "CVS", "FB", "GOOG", "IBM", "KO", "PFE", "UPS"]]
DAYS, HORIZON = 28, 24


def post(path, body):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        sys.exit("error: %s answered %s: %s" % (path, e.code, e.read().decode()[:500]))


def rows(rel):
    with open(os.path.join(NAB, "data", rel)) as f:
        return [(r["timestamp"], float(r["value"])) for r in csv.DictReader(f)]


def nab_table():
    """(a) Every dev file through POST /insights/anomalies, scored by nabscore.py."""
    out = os.path.join(WORK, "lrcp")
    with open(os.path.join(NAB, "combined_windows.json")) as f:
        files = sorted(json.load(f))
    for rel in files:
        data = rows(rel)
        scores = post("/insights/anomalies",
                      {"points": [{"timestamp": t, "value": v} for t, v in data]})["scores"]
        os.makedirs(os.path.dirname(os.path.join(out, rel)), exist_ok=True)
        with open(os.path.join(out, rel), "w") as f:
            f.write("timestamp,anomaly_score\n")
            f.writelines("%s,%r\n" % (s["timestamp"], s["anomaly_score"]) for s in scores)
    result = subprocess.run([sys.executable, NABSCORE, "--subset", "dev", "--detector-dir", out],
                            check=True, capture_output=True, text=True,
                            env=dict(os.environ, NAB_DEV=NAB))
    print("(a) Anomalies: NAB dev files through POST /insights/anomalies, scored by nabscore.py\n")
    print(result.stdout.strip() + "\n")


def hourly(rel):
    """Hourly sums; the first and last hour are dropped when partial."""
    sums = {}
    for t, v in rows(rel):
        hour = t[:13] + ":00:00"
        s = sums.setdefault(hour, [0.0, 0])
        s[0] += v
        s[1] += 1
    hours = sorted(sums)
    full = max(c for _, c in sums.values())
    hours = [h for i, h in enumerate(hours) if sums[h][1] == full or 0 < i < len(hours) - 1]
    return hours, [sums[h][0] for h in hours]


def forecast_row(rel):
    hours, y = hourly(rel)
    origins = [o for o in range(len(y) - HORIZON, 0, -1) if hours[o].endswith("00:00:00")
               and hours[o][11:13] == "00"][:DAYS][::-1]
    first = origins[0]
    scale = sum(abs(y[i] - y[i - 24]) for i in range(24, first)) / (first - 24)
    ours = naive = in80 = in95 = 0
    for o in origins:
        points = [{"timestamp": hours[i].replace(" ", "T") + "Z", "value": y[i]} for i in range(o)]
        forecast = post("/insights/forecast", {"points": points, "horizon": HORIZON})["forecast"]
        for k, p in enumerate(forecast):
            actual = y[o + k]
            ours += abs(actual - p["value"])
            naive += abs(actual - y[o + k - 24])
            in80 += p["lower80"] <= actual <= p["upper80"]
            in95 += p["lower95"] <= actual <= p["upper95"]
    n = len(origins) * HORIZON
    return os.path.basename(rel), ours / n / scale, naive / n / scale, in80 / n, in95 / n


def forecast_table():
    """(b) 24-step forecasts from one origin per day (midnight) over the last 28 days."""
    print("(b) Forecast: hourly NAB series, 24 steps ahead from each midnight of the last %d days"
          " (history before the origin only), through POST /insights/forecast\n" % DAYS)
    print("| series | MASE | seasonal-naive MASE | ratio | coverage 80 % | coverage 95 % |")
    print("| --- | --- | --- | --- | --- | --- |")
    table = [forecast_row(rel) for rel in HOURLY]
    for name, m, sn, c80, c95 in table:
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.3f |" % (name, m, sn, m / sn, c80, c95))
    mean = [statistics.fmean(r[i] for r in table) for i in range(1, 5)]
    print("| all (mean) | %.3f | %.3f | %.3f | %.3f | %.3f |\n"
          % (mean[0], mean[1], mean[0] / mean[1], mean[2], mean[3]))


def beta_stream(seed, n, before, after, change, sd=0.1):
    r = random.Random(seed)
    out = []
    for i in range(n):
        m = before if i < change else after
        total = m * (1 - m) / sd ** 2 - 1
        out.append(round(r.betavariate(m * total, (1 - m) * total), 6))
    return out


def drift_table():
    """(c) Beta(12, 3) streams (mean 0.8, SD 0.1): false warnings and delays of mean drops."""
    warnings = sum(len(post("/quality/drift", {"scores": beta_stream(s, 10_000, .8, .8, 10_000)})
                       ["warnings"]) for s in range(100))
    print("(c) Quality drift: Beta-distributed scores (mean 0.8, SD 0.1) through POST /quality/drift\n")
    print("| stream | false warnings per 10,000 | median delay | p90 delay | missed |")
    print("| --- | --- | --- | --- | --- |")
    print("| stationary, 100 × 10,000 | %.2f | | | |" % (warnings / 100))
    for drop in (0.05, 0.1, 0.2):
        delays = []
        for s in range(200):
            found = post("/quality/drift",
                         {"scores": beta_stream(1_000_000 + s, 6_000, .8, .8 - drop, 1_000)})
            late = [w["index"] - 1_000 for w in found["warnings"]
                    if w["index"] >= 1_000 and w["direction"] == "down"]
            delays.append(late[0] if late else None)
        hits = sorted(d for d in delays if d is not None)
        print("| drop %.2f at index 1,000, 200 streams | | %d | %d | %.3f |"
              % (drop, hits[len(delays) // 2], hits[min(len(hits) - 1, len(delays) * 9 // 10)],
                 delays.count(None) / len(delays)))
    print()


if __name__ == "__main__":
    nab_table()
    forecast_table()
    drift_table()
