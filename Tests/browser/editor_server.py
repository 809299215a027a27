"""`broadside serve --edit` for the editor's browser tests: started on a free port in a copy of
a site, its `Editing at` link read within a deadline, stopped with Ctrl-C (then killed)."""
import queue
import signal
import subprocess
import threading
import urllib.request


class EditServer:
    def __init__(self, binary, root, seconds=90):
        self.process = subprocess.Popen([binary, "serve", "--edit", "--port", "0"], cwd=root,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout], daemon=True).start()
        # Its messages are read so that a full pipe never stops it; only failures are printed.
        self.errors = []
        threading.Thread(target=lambda: [self.errors.append(line) for line in self.process.stderr], daemon=True).start()
        self.link = None
        self.preview = None
        try:
            while self.link is None:
                line = lines.get(timeout=seconds)
                if line.startswith("Serving "):
                    self.preview = line.split()[1].rstrip("/")
                if line.startswith("Editing at "):
                    self.link = line.split()[-1]
        except queue.Empty:
            self.stop()
            raise RuntimeError(f"no `Editing at` line within {seconds} s: {''.join(self.errors)[-2000:]}")
        self.base = self.link.split("/__edit/")[0]

    def fetch(self, address, seconds=20):
        """A page of the preview, which is another origin than the editor's, as text."""
        if not address.startswith(self.preview + "/"):
            raise RuntimeError(f"{address} is not a page of the preview at {self.preview}")
        with urllib.request.urlopen(address, timeout=seconds) as answer:
            return answer.read().decode("utf-8")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
