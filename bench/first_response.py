"""Waits for a server's first 200 and prints how long it took, in milliseconds, and the port it answered on.

    first_response.py PROBE PATH PORT|LOG_FILE

Started before the server: it creates PROBE.ready once it runs, then waits for PROBE.start, which holds "T0_NS PID":
the time (date +%s%N) taken just before the server was started, and the server's process. The port is a number, or
it is read from the first line of LOG_FILE ("Listening on http://127.0.0.1:PORT/", as the stages print it). A GET
of PATH goes out every millisecond until one is answered with 200. One process that polls, rather than a curl
started for each try, keeps the measurement's own cost near a millisecond. Exits 1 if the server process ends first
or nothing answers within 60 s.
"""
import os
import re
import socket
import sys
import time

LISTENING = re.compile(rb"^Listening on http://127\.0\.0\.1:(\d+)/")


def port_from(where):
    if where.isdigit():
        return int(where)
    try:
        with open(where, "rb") as log:
            match = LISTENING.match(log.readline())
    except OSError:
        return None
    return int(match.group(1)) if match else None


def answers_200(port, path):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as connection:
            connection.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            status = connection.makefile("rb").readline()
    except OSError:
        return False
    return status.split(b" ")[1:2] == [b"200"]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main():
    probe, path, where = sys.argv[1], sys.argv[2], sys.argv[3]
    open(probe + ".ready", "w").close()
    deadline = time.time_ns() + 60 * 10**9
    while not os.path.exists(probe + ".start"):
        if time.time_ns() > deadline:
            return 1
        time.sleep(0.0005)
    with open(probe + ".start") as start:
        t0, pid = (int(number) for number in start.read().split())
    port = None
    while time.time_ns() < deadline and alive(pid):
        port = port or port_from(where)
        if port and answers_200(port, path):
            print((time.time_ns() - t0) // 10**6, port)
            return 0
        time.sleep(0.001)
    return 1


if __name__ == "__main__":
    sys.exit(main())
