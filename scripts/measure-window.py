#!/usr/bin/python3
"""Measures the real Waymark window: cold start to first painted screen, and memory once settled.

    scripts/measure-window.sh [path-to-waymark-binary] [--runs N]

For each run it starts the binary on a private Xvfb display with a fresh data directory, and polls
the screen until the first screen's heading is drawn: dark text on the light page, at the place
every first screen puts its heading. That is "time to first content", as a person would see it.
It then waits for the page to settle and sums the proportional set size (PSS) of the app and its
WebKit helper processes. Two cases: first run (no journal yet) and a returning user (unlock
screen). Figures vary with the machine's load: compare runs made together, never assert on them.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from Xlib import X, display

# The heading of every first screen starts here (window at 0,0, main column centred in 1000 px).
HEADING_BOX = (200, 40, 300, 36)
PASSPHRASE = "harbour lantern pickle seven"
TIMEOUT_S = 30.0


def start_xvfb():
    """A private Xvfb on a free display; returns (process, display name)."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


def heading_painted(root):
    """True once the heading area holds both page background and text pixels."""
    x, y, w, h = HEADING_BOX
    pixels = root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data
    dark = light = 0
    for i in range(0, len(pixels) - 3, 4):
        lum = (pixels[i] + pixels[i + 1] + pixels[i + 2]) // 3
        if lum < 90:
            dark += 1
        elif lum > 200:
            light += 1
        if dark > 50 and light > 500:
            return True
    return False


def process_tree(pid):
    """`pid` and all its descendants."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as f:
                children = [int(c) for c in f.read().split()]
        except OSError:
            children = []
        found += children
        frontier += children
    return found


def pss_kib(pids):
    """Summed PSS of `pids`, by process name."""
    by_name = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/smaps_rollup") as f:
                pss = next(int(line.split()[1]) for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
        by_name[name] = by_name.get(name, 0) + pss
    return by_name


def one_run(binary, env, root, with_journal):
    data_dir = tempfile.mkdtemp(prefix="waymark-measure-")
    run_env = dict(env, WAYMARK_DATA_DIR=data_dir)
    try:
        if with_journal:
            subprocess.run(
                [binary, "init"],
                env=dict(run_env, WAYMARK_PASSPHRASE=PASSPHRASE),
                check=True,
                stdout=subprocess.DEVNULL,
            )
        started = time.monotonic()
        app = subprocess.Popen([binary], env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not heading_painted(root):
                if time.monotonic() - started > TIMEOUT_S:
                    raise SystemExit("the window did not show its first screen in time")
                if app.poll() is not None:
                    raise SystemExit(f"waymark exited early with code {app.returncode}")
                time.sleep(0.002)
            first_content = time.monotonic() - started
            time.sleep(2.0)
            memory = pss_kib(process_tree(app.pid))
        finally:
            app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        # Wait for the screen to go back to the bare root before the next run.
        deadline = time.monotonic() + 10
        while heading_painted(root) and time.monotonic() < deadline:
            time.sleep(0.01)
        return first_content, memory
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default="target/release/waymark")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no executable at {binary}: build it first (scripts/run.sh builds the release)")

    xvfb, display_name = start_xvfb()
    try:
        env = dict(os.environ, DISPLAY=display_name, GDK_BACKEND="x11", NO_AT_BRIDGE="1")
        env.pop("WAYLAND_DISPLAY", None)
        root = display.Display(display_name).screen().root
        print(f"binary: {binary}")
        for label, with_journal in (("first run (set-up screen)", False), ("returning (unlock screen)", True)):
            times, totals, last = [], [], {}
            one_run(binary, env, root, with_journal)  # warm the page cache; not counted
            for _ in range(args.runs):
                seconds, memory = one_run(binary, env, root, with_journal)
                times.append(seconds * 1000)
                totals.append(sum(memory.values()) / 1024)
                last = memory
            print(f"\n{label}, {args.runs} runs")
            print(
                f"  time to first content: median {statistics.median(times):.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f})"
            )
            print(f"  memory once settled (PSS): median {statistics.median(totals):.0f} MiB in all")
            for name, kib in sorted(last.items(), key=lambda kv: -kv[1]):
                print(f"    {name:<20} {kib / 1024:6.0f} MiB")
    finally:
        xvfb.terminate()
        xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
