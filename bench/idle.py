"""Opens many keep-alive connections to a server, makes one request on each, and holds them idle.

    idle.py PORT PATH COUNT CONTROL

Opens COUNT connections to 127.0.0.1:PORT, at most 500 at a time, and sends a GET of PATH on each without
Connection: close, as a browser does, and reads the response. Then it prints one line,
    held {"connections": COUNT, "answered": A, "open": O, "seconds": S}
with the connections that got a 200 and those the server still keeps open, and waits, holding them, until the file
CONTROL exists (bench/run.sh measures the server meanwhile). Then it prints
    after {"open": O}
the connections still open after the wait, closes them all and exits. It stops opening connections after 20 s (a
server that serves one client at a time answers the first few and then waits for them) and gives up after 120 s.
"""
import json
import os
import selectors
import socket
import sys
import time

BATCH = 500
OPENING_SECONDS = 20
GIVE_UP_SECONDS = 120


class Client:
    def __init__(self, port, request):
        self.socket = socket.socket()
        self.socket.setblocking(False)
        self.socket.connect_ex(("127.0.0.1", port))
        self.unsent = request
        self.received = b""
        self.status = None
        self.done = False

    def on_writable(self):
        try:
            sent = self.socket.send(self.unsent)
        except BlockingIOError:
            return
        except OSError:
            self.done = True
            return
        self.unsent = self.unsent[sent:]

    def on_readable(self):
        try:
            data = self.socket.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self.done = True
            return
        self.received += data
        head_end = self.received.find(b"\r\n\r\n")
        if head_end < 0:
            return
        head = self.received[:head_end].decode("latin-1").split("\r\n")
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        if len(self.received) >= head_end + 4 + length:
            self.status = head[0].split(" ")[1] if " " in head[0] else None
            self.done = True


def is_open(sock):
    """A connection the server closed reads as the end of the stream (or an error); an open one would block."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def open_all(port, path, count, deadline):
    request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + str(port) + "\r\n\r\n").encode()
    selector = selectors.DefaultSelector()
    finished = []
    pending = 0
    started = 0
    while (started < count or pending) and time.time() < deadline:
        while started < count and pending < BATCH:
            client = Client(port, request)
            selector.register(client.socket, selectors.EVENT_READ | selectors.EVENT_WRITE, client)
            started += 1
            pending += 1
        for key, events in selector.select(timeout=1):
            client = key.data
            if events & selectors.EVENT_WRITE and client.unsent:
                client.on_writable()
                if not client.unsent and not client.done:
                    selector.modify(client.socket, selectors.EVENT_READ, client)
            if events & selectors.EVENT_READ and not client.done:
                client.on_readable()
            if client.done:
                selector.unregister(client.socket)
                finished.append(client)
                pending -= 1
    for key in list(selector.get_map().values()):
        finished.append(key.data)
    return finished


def main():
    port, path, count, control = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    start = time.time()
    deadline = start + GIVE_UP_SECONDS
    clients = open_all(port, path, count, start + OPENING_SECONDS)
    answered = sum(1 for client in clients if client.status == "200")
    held = {"connections": count, "answered": answered, "open": sum(is_open(c.socket) for c in clients),
            "seconds": round(time.time() - start, 2)}
    print("held " + json.dumps(held), flush=True)
    while not os.path.exists(control) and time.time() < deadline:
        time.sleep(0.05)
    print("after " + json.dumps({"open": sum(is_open(c.socket) for c in clients)}), flush=True)
    for client in clients:
        client.socket.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
