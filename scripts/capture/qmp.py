"""Minimal QMP client: keeps raw reply lines, records events separately."""
import json, socket, time

class QMP:
    def __init__(self, path, timeout=30):
        for _ in range(100):
            try:
                self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.s.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("cannot connect to " + path)
        self.s.settimeout(timeout)
        self.f = self.s.makefile('rb')
        self.events = []          # (raw line, parsed)
        self.greeting_raw = self.f.readline()
        self.greeting = json.loads(self.greeting_raw)

    def _read(self):
        line = self.f.readline()
        if not line:
            raise EOFError("QMP connection closed")
        return line, json.loads(line)

    def cmd_raw(self, name, args=None, id=None):
        msg = {"execute": name}
        if args is not None:
            msg["arguments"] = args
        if id is not None:
            msg["id"] = id
        self.s.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            line, obj = self._read()
            if "event" in obj:
                self.events.append((line, obj))
                continue
            return line, obj

    def cmd(self, name, args=None):
        return self.cmd_raw(name, args)[1]

    def wait_event(self, name, timeout=30):
        end = time.time() + timeout
        for line, obj in self.events:
            if obj["event"] == name:
                return obj
        while time.time() < end:
            line, obj = self._read()
            if "event" in obj:
                self.events.append((line, obj))
                if obj["event"] == name:
                    return obj
        raise TimeoutError(name)
