#!/usr/bin/env python3
"""`annals serve` under slow clients (issue 14, probe 7).

    python3 bench/slow_clients.py ANNALS_BINARY SITE_DIR [--clients 2000] [--seconds 5]

Starts `ANNALS_BINARY serve --root SITE_DIR` on a free loopback port, opens CLIENTS connections
that begin a request and then send one header byte every 100 ms (a per-read timeout never fires
for them), and meanwhile times normal GET requests of the home page. Reported: the median and
the worst latency of those requests, the server's thread count and virtual memory at the end,
and how many slow clients the server had closed after the run. Raise the file limit first
(`ulimit -n 16384`): each client is a descriptor on both sides.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return line.split(":", 1)[1].strip()
    return "?"


def get(port, path):
    start = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return time.perf_counter() - start, data.split(b"\r\n", 1)[0].decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("site")
    ap.add_argument("--clients", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=5)
    args = ap.parse_args()
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--root", args.site, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                _, line = get(port, "/")
                if line:
                    break
            except OSError:
                time.sleep(0.1)
        home = "/"
        slow = []
        for _ in range(args.clients):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nX-Slow: ")
            s.setblocking(False)
            slow.append(s)
        latencies, statuses = [], set()
        end = time.time() + args.seconds
        while time.time() < end:
            for s in slow:
                try:
                    s.send(b"a")
                except OSError:
                    pass
            took, line = get(port, home)
            latencies.append(took)
            statuses.add(line)
            time.sleep(0.1)
        threads = status(server.pid, "Threads")
        vm = status(server.pid, "VmSize")
        latencies.sort()
        print(f"{args.clients} slow clients, {len(latencies)} normal requests ({', '.join(sorted(statuses))}):")
        print(f"  latency median {statistics.median(latencies) * 1000:.1f} ms, "
              f"worst {latencies[-1] * 1000:.1f} ms")
        print(f"  server threads {threads}, virtual memory {vm}")
        # Keep trickling past a 10 s request deadline; count the clients the server closed.
        end = time.time() + max(0.0, 12 - args.seconds)
        while time.time() < end:
            for s in slow:
                try:
                    s.send(b"a")
                except OSError:
                    pass
            time.sleep(0.1)
        closed = 0
        for s in slow:
            try:
                s.send(b"a")
                s.send(b"a")
            except OSError:
                closed += 1
        print(f"  after 12 s: {closed} of {args.clients} slow clients closed by the server")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
