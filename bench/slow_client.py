"""One slow client, as in a slowloris attack: connects, sends half a request head, then one more byte every few
seconds, so that a server reading the head never gets to its end and never times out either. Ends by itself.

    python3 bench/slow_client.py PORT SECONDS
"""
import socket
import sys
import time

BYTE_EVERY_SECONDS = 2


def main():
    port, seconds = int(sys.argv[1]), float(sys.argv[2])
    deadline = time.monotonic() + seconds
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        # No empty line after the fields: the head is never complete (RFC 9112 §2.1).
        client.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        print("sent half a request", flush=True)
        while time.monotonic() < deadline:
            time.sleep(min(BYTE_EVERY_SECONDS, max(0.0, deadline - time.monotonic())))
            try:
                client.sendall(b"a")
            except OSError as e:
                print(f"the server closed the connection: {e}", flush=True)
                return


if __name__ == "__main__":
    main()
