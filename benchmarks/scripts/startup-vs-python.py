#!/usr/bin/env python3
"""The process pool's start-up and first maps against Python's multiprocessing.Pool, in one sitting.

Every figure is timed inside its own process, after one untimed warm-up, so that both sides start from
a running interpreter or JVM, as Python's start4 in python_pool_baseline.py does. The implementations
take turns, round after round (Java, spawn, forkserver, Java, ...), so that a machine whose speed drifts
weighs on all of them alike. Needs python3 and a JDK 25 (java, javac, jar); nothing else.

    benchmarks/scripts/startup-vs-python.py [--rounds 5] [--reps 3] [--sizes 1,2,4] [--no-cache]

  start:  open a pool of n, map a square over range(10), close (Python: with Pool(n) as p: p.map(...))
  first:  the mean of the first 50 maps of ten on a fresh pool of 4 (Java, with and without warm-up),
          against Python's warm map (50 maps first, then 50 timed)
Each ratio is median against median, with a 99.9 % bootstrap interval from the raw samples.
--no-cache adds Java with -Dpoolbench.startupCache=false: the workers' AOT cache off.
"""
import argparse, glob, multiprocessing as mp, os, random, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = r"""
import io.github.poolbench.pool.*;
import java.util.List;
import java.util.stream.IntStream;

public class StartupProbe {
    static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        boolean warm = args.length > 3 && args[3].equals("warm");
        StringBuilder out = new StringBuilder();
        for (int rep = -1; rep < reps; rep++) { // rep -1: the untimed warm-up
            double ms;
            if (mode.equals("start")) {
                long t0 = System.nanoTime();
                try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, n)) {
                    pool.map(StartupProbe::square, TEN);
                }
                ms = (System.nanoTime() - t0) / 1e6;
            } else {
                try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, n, PoolOptions.defaults().withWarmUp(warm))) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 50; i++) {
                        pool.map(StartupProbe::square, TEN);
                    }
                    ms = (System.nanoTime() - t0) / 1e6 / 50;
                }
            }
            if (rep >= 0) {
                out.append(ms).append('\n');
            }
        }
        System.out.print(out);
    }
}
"""


def square(x):
    return x * x


def python_probe(method, mode, n, reps):
    mp.set_start_method(method)
    samples = []
    for rep in range(-1, reps):
        if mode == "start":
            t0 = time.perf_counter()
            with mp.Pool(n) as p:
                p.map(square, range(10))
            ms = (time.perf_counter() - t0) * 1e3
        else:
            with mp.Pool(n) as p:
                for _ in range(50):
                    p.map(square, range(10))
                t0 = time.perf_counter()
                for _ in range(50):
                    p.map(square, range(10))
                ms = (time.perf_counter() - t0) * 1e3 / 50
        if rep >= 0:
            samples.append(ms)
    print("\n".join(f"{s}" for s in samples))


def find_jdk():
    home = os.environ.get("JAVA_HOME")
    candidates = ([home] if home else []) + sorted(glob.glob("/usr/lib/jvm/*25*"), reverse=True)
    for candidate in candidates:
        if candidate and Path(candidate, "bin", "javac").exists():
            return Path(candidate)
    sys.exit("no JDK 25 found: set JAVA_HOME")


def build_probe(jdk, pool_jar, folder):
    source = Path(folder, "StartupProbe.java")
    source.write_text(PROBE)
    subprocess.run([jdk / "bin" / "javac", "-cp", pool_jar, "-d", folder, source], check=True)
    jar = Path(folder, "probe.jar")
    subprocess.run([jdk / "bin" / "jar", "cf", jar, "-C", folder, "StartupProbe.class"], check=True)
    return jar


def run(command):
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"{command} failed:\n{done.stderr}")
    return [float(line) for line in done.stdout.split()]


def ratio(a, b, draws=10_000, seed=1):
    """median(a) / median(b) and its 99.9 % bootstrap interval."""
    rnd = random.Random(seed)
    point = statistics.median(a) / statistics.median(b)
    boots = sorted(
        statistics.median(rnd.choices(a, k=len(a))) / statistics.median(rnd.choices(b, k=len(b)))
        for _ in range(draws))
    return point, boots[int(draws * 0.0005)], boots[int(draws * 0.9995) - 1]


def report(name, samples, yardstick):
    for key in samples:
        if key == yardstick:
            continue
        point, low, high = ratio(samples[key], samples[yardstick])
        verdict = "faster" if high < 1 else "slower" if low > 1 else "no difference shown"
        print(f"  {name} {key} / {yardstick}: {point:.2f} [{low:.2f}, {high:.2f}] ({verdict})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--reps", type=int, default=3, help="timed samples per process, after one warm-up")
    ap.add_argument("--sizes", default="1,2,4")
    ap.add_argument("--pool-jar", default=str(ROOT / "benchmarks/pool/target/poolbench-pool.jar"))
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: start,first")
    ap.add_argument("--python-probe", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.python_probe:
        method, mode, n, reps = args.python_probe
        python_probe(method, mode, int(n), int(reps))
        return
    jdk = find_jdk()
    with tempfile.TemporaryDirectory() as folder:
        probe = build_probe(jdk, args.pool_jar, folder)
        java = [str(jdk / "bin" / "java"), "-cp", f"{args.pool_jar}{os.pathsep}{probe}"]
        me = [sys.executable, __file__, "--python-probe"]
        sizes = [int(n) for n in args.sizes.split(",")]
        skip = set(args.skip.split(","))
        impls = {"java": java + ["StartupProbe"]}
        if args.no_cache:
            impls["java-nocache"] = java[:1] + ["-Dpoolbench.startupCache=false"] + java[1:] + ["StartupProbe"]
        start = {n: {} for n in sizes}
        first = {}
        for rnd in range(args.rounds):
            for n in sizes if "start" not in skip else []:
                for name, command in impls.items():
                    start[n].setdefault(name, []).extend(run(command + ["start", str(n), str(args.reps)]))
                for method in ("spawn", "forkserver"):
                    start[n].setdefault(method, []).extend(
                        run(me + [method, "start", str(n), str(args.reps)]))
            if "first" not in skip:
                for name, extra in (("java-cold", "cold"), ("java-warmup", "warm")):
                    first.setdefault(name, []).extend(run(impls["java"] + ["first", "4", str(args.reps), extra]))
                first.setdefault("spawn-warm", []).extend(run(me + ["spawn", "first", "4", str(args.reps)]))
            print(f"round {rnd + 1} of {args.rounds} done", file=sys.stderr)
    print(f"python {sys.version.split()[0]}, java {jdk.name}, {os.cpu_count()} cpus, "
          f"{args.rounds} rounds x {args.reps} samples")
    for n in sizes if "start" not in skip else []:
        print(f"start, n = {n}: medians (ms) " + ", ".join(
            f"{k} {statistics.median(v):.1f}" for k, v in start[n].items()))
        report("start", start[n], "spawn")
    if first:
        print("first 50 maps of 10 (ms a map): medians " + ", ".join(
            f"{k} {statistics.median(v):.3f}" for k, v in first.items()))
        report("first", first, "spawn-warm")


if __name__ == "__main__":
    main()
