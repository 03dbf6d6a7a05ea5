"""The side-by-side benchmark behind scripts/bench. Every figure it prints is measured in this one
run: medians of repeated cold processes, and ratios against the Python peer (bench/peer) and
against `cp -r` of the rendered output.

    python bench/run.py SECDRAFT BATCH_EXAMPLE PEER_PYTHON [ROUNDS]
"""

import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER = os.path.join(ROOT, "bench", "peer", "render.py")
SEED = os.path.join(ROOT, "data", "ault-alliance-2023-12-13.yaml")
GROWN_FROM = os.path.join(ROOT, "data", "meridian-exchange-commenced.yaml")


def timed(argv):
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(rounds, run_once):
    return statistics.median(run_once() for _ in range(rounds))


def settled(rounds, run_once):
    """The median of `rounds` runs in a row, after the writes of earlier runs are flushed (or
    their write-back would land on these) and one warm-up run (page cache, bytecode cache)."""
    os.sync()
    run_once()
    return median_of(rounds, run_once)


def ms(seconds):
    return f"{seconds * 1000:9.2f} ms"


def main():
    secdraft, batch, python = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 11
    examples = sorted(p for p in glob.glob(os.path.join(ROOT, "data", "*.yaml")) if not p.endswith("fee-rates.yaml"))
    scratch = tempfile.mkdtemp(prefix="secdraft-bench-")
    # The peer's templates are a translation of the set secdraft rendered when the peer was
    # written (issue 11): it renders those six examples as secdraft did then. Later examples use
    # terms it does not know; it may run on some of them, but its text is not secdraft's, so
    # they are left out of the comparison, and named.
    peer_examples = {
        "ault-alliance-2023-12-13.yaml",
        "meridian-exchange-amended.yaml",
        "meridian-exchange-commenced.yaml",
        "meridian-exchange-results.yaml",
        "northwind-dutch-auction-commenced.yaml",
        "northwind-dutch-auction-results.yaml",
    }
    left_out = [os.path.basename(p) for p in examples if os.path.basename(p) not in peer_examples]
    if left_out:
        print(f"Left out (written after the peer): {', '.join(left_out)}")
    examples = [p for p in examples if os.path.basename(p) in peer_examples]
    fresh = iter(range(10**9))

    def out():
        return os.path.join(scratch, f"out{next(fresh)}")

    def secdraft_set(terms):
        return timed([secdraft, "render", terms, "--out", out()])

    def peer_set(terms):
        return timed([python, PEER, terms, out()])

    # The floor: copying each example's rendered set, as a process, into a fresh folder.
    rendered = {}
    for terms in examples:
        rendered[terms] = out()
        subprocess.run([secdraft, "render", terms, "--out", rendered[terms]], check=True, stdout=subprocess.DEVNULL)

    def copy_set(terms):
        return timed(["cp", "-r", rendered[terms], out()])

    print(f"Full set of each example as a cold process: median of {rounds} rounds over {len(examples)} examples")
    print(f"{'example':40} {'secdraft':>12} {'python peer':>12} {'cp -r':>12} {'peer/secdraft':>14} {'secdraft/cp':>12}")
    totals = {"secdraft": 0.0, "peer": 0.0, "copy": 0.0}
    for terms in examples:
        ours, theirs, floor = (settled(rounds, lambda: runner(terms)) for runner in (secdraft_set, peer_set, copy_set))
        totals["secdraft"] += ours
        totals["peer"] += theirs
        totals["copy"] += floor
        name = os.path.basename(terms)
        print(f"{name:40} {ms(ours):>12} {ms(theirs):>12} {ms(floor):>12} {theirs / ours:13.1f}x {ours / floor:11.2f}x")
    print(f"{'all examples':40} {ms(totals['secdraft']):>12} {ms(totals['peer']):>12} {ms(totals['copy']):>12} "
          f"{totals['peer'] / totals['secdraft']:13.1f}x {totals['secdraft'] / totals['copy']:11.2f}x")

    # Batch: one process renders many variants; against a cold render of the same terms.
    count = 1000
    os.sync()
    result = subprocess.run([batch, SEED, str(count), out()], check=True, capture_output=True, text=True)
    batch_total, per_set, _, rendering = result.stdout.split()
    per_set, rendering = float(per_set), float(rendering)
    cold_seed = settled(rounds, lambda: secdraft_set(SEED))
    print()
    print(f"Batch of {count} variants of the seed terms rendered and written by one process")
    print(f"  secdraft: {float(batch_total):.3f} s in all, {ms(per_set).strip()} a set; "
          f"cold render {ms(cold_seed).strip()}; per-set/cold = 1/{cold_seed / per_set:.1f}")
    print(f"  of which before writing (load, figures, templates, HTML): {ms(rendering).strip()} a set; "
          f"that/cold = 1/{cold_seed / rendering:.1f}")
    peer_count = 100
    variants = os.path.join(scratch, "variants")
    os.makedirs(variants)
    with open(SEED, encoding="utf-8") as f:
        seed_text = f.read()
    argv = [python, PEER]
    for i in range(peer_count):
        path = os.path.join(variants, f"v{i}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(seed_text.replace("max_shares: 60_000_000", f"max_shares: {60_000_000 + i * 100}", 1))
        argv += [path, out()]
    os.sync()
    peer_batch = timed(argv) / peer_count
    print(f"  python peer ({peer_count} variants, one process, writing files): {ms(peer_batch).strip()} a set; "
          f"peer/secdraft = {peer_batch / per_set:.0f}x")

    # Growth: the Offer to Exchange with its price-history table grown from 10 to 1,000 rows.
    with open(GROWN_FROM, encoding="utf-8") as f:
        base = f.read()
    history = re.compile(r"  price_history:\n(?:    - .*\n(?:      .*\n)*)+")
    print()
    print(f"Documents grown by table rows (cold full-set render of {os.path.basename(GROWN_FROM)})")
    print(f"{'rows':>6} {'secdraft':>12} {'python peer':>12} {'peer/secdraft':>14}")
    points = []
    for rows in (10, 100, 1000):
        table = "".join(f"    - period: Period {i + 1}\n      high: 0.{142 + i % 800}\n      low: 0.071\n"
                        for i in range(rows))
        grown = os.path.join(scratch, f"grown-{rows}.yaml")
        with open(grown, "w", encoding="utf-8") as f:
            f.write(history.sub("  price_history:\n" + table.replace("\\", "\\\\"), base, count=1))
        ours = settled(rounds, lambda: secdraft_set(grown))
        theirs = settled(max(3, rounds // 2), lambda: peer_set(grown))
        points.append((rows, ours))
        print(f"{rows:>6} {ms(ours):>12} {ms(theirs):>12} {theirs / ours:13.1f}x")
    (r1, t1), (r2, t2), (r3, t3) = points
    print(f"  marginal cost a row: {1e6 * (t2 - t1) / (r2 - r1):.1f} us (10 to 100), "
          f"{1e6 * (t3 - t2) / (r3 - r2):.1f} us (100 to 1,000)")

    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
