"""Run a command on a real pseudo-terminal, answering its prompts, the way a person at a terminal would.

Usage: python3 on-tty.py SPEC_JSON
SPEC: {"argv": [...], "cwd": "...", "answers": [["text to wait for", "what to type"], ...],
       "stdoutPipe": false, "timeout": 20, "columns": 80}
stdin, stderr (and stdout unless stdoutPipe) are the terminal. Prints one JSON object:
{"code": exit code, "tty": everything the terminal showed, "stdout": what went to the pipe}.
"""
import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
import time

spec = json.loads(sys.argv[1])
answers = list(spec.get("answers", []))
deadline = time.monotonic() + spec.get("timeout", 20)

out_r, out_w = os.pipe() if spec.get("stdoutPipe") else (None, None)
pid, master = pty.fork()
if pid == 0:
    # The window size a terminal emulator would set (rows, columns), before the command reads it.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, spec.get("columns", 80), 0, 0))
    if out_w is not None:
        os.dup2(out_w, 1)
        os.close(out_r)
        os.close(out_w)
    os.chdir(spec.get("cwd", "."))
    os.execvp(spec["argv"][0], spec["argv"])

if out_w is not None:
    os.close(out_w)
tty = b""
piped = b""
seen = 0
fds = [master] + ([out_r] if out_r is not None else [])
while fds and time.monotonic() < deadline:
    ready, _, _ = select.select(fds, [], [], 0.1)
    for fd in ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        if not chunk:
            fds.remove(fd)
            continue
        if fd == master:
            tty += chunk
        else:
            piped += chunk
    while answers and answers[0][0].encode() in tty[seen:]:
        wait_for, send = answers.pop(0)
        seen = tty.index(wait_for.encode(), seen) + len(wait_for)
        os.write(master, send.encode())

timed_out = time.monotonic() >= deadline
if timed_out:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"code": code, "timedOut": timed_out, "unanswered": [a[0] for a in answers],
                  "tty": tty.decode("utf-8", "replace"), "stdout": piped.decode("utf-8", "replace")}))
