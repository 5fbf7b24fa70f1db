"""How `serve` reads a DuckDB file that `ingest` may be writing at the same time.

DuckDB lets one process hold a file read-write, and while it does no other process can
open it at all (not even read-only). So the server never opens the live file:

1. it copies the file (and its ``.wal``) into a private temporary folder, checking with
   ``stat`` before and after that nothing wrote during the copy (else it retries);
   between checkpoints DuckDB only appends whole transactions to the WAL, so a quiet copy
   is a crash-consistent database holding every committed batch;
2. it opens the copy, replays its WAL, builds the API's helper tables (store-wide entity
   groups, the quotes full-text index) and swaps it in as the current snapshot;
3. a background thread polls the live file once a second and repeats 1-2 when its size
   or modification time changed (while a long ingest writes, at most a fifth of the time
   goes into snapshots); requests keep reading the old snapshot meanwhile, and an old
   snapshot is closed and deleted once its last request is done.

So reads never block on writes, `ingest` never fails because the server holds a lock,
and committed articles appear within a few seconds. The cost is disk space for one copy.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store import snapshot as tables
from ..store import fts_extension_path

log = logging.getLogger("newsgraph.api")

Signature = tuple


def _stat(path: Path) -> tuple:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (None,)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def signature(db: Path) -> Signature:
    """What changes whenever a writer touches the database file or its WAL."""
    return (_stat(db), _stat(Path(str(db) + ".wal")))


@dataclass
class Snapshot:
    """One consistent, private copy of the store, opened for reading."""

    path: Path
    sig: Signature
    con: duckdb.DuckDBPyConnection
    modified: float  # mtime of the live file when copied (for Last-Modified)
    version: str = ""
    users: int = 0
    retired: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def close(self) -> None:
        self.con.close()
        for p in (self.path, Path(str(self.path) + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


class Reader:
    """Serves consistent snapshots of ``db``; ``refresh()`` picks up new writes."""

    def __init__(self, db: str | os.PathLike, poll: float = 1.0):
        self.db = Path(db).resolve()
        if not self.db.exists():
            raise StoreError(f"{db}: no such database; run 'newsgraph ingest PATH --db {db}' first")
        self.poll = poll
        self.tmp = Path(tempfile.mkdtemp(prefix="newsgraph-serve-"))
        self._n = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._not_before = 0.0  # no new snapshot before this time (see refresh)
        self.current: Snapshot | None = None
        self.last_error: str | None = None
        if not self.refresh(force=True):
            self.close()
            why = self.last_error or "the file kept changing while it was copied; try again"
            raise StoreError(f"{db}: cannot serve this database ({why})")

    # --- taking snapshots -------------------------------------------------------------
    def refresh(self, force: bool = False) -> bool:
        """Take a new snapshot if the live file changed; True if one is now current."""
        sig = signature(self.db)
        if not force and self.current is not None and (sig == self.current.sig or time.monotonic() < self._not_before):
            return True
        for _ in range(5):
            t0 = time.monotonic()
            self.last_error = None
            snap = self._copy(sig)
            if snap is not None:
                self._swap(snap)
                # while an ingest keeps writing, spend at most a fifth of the time on snapshots
                self._not_before = time.monotonic() + 4 * (time.monotonic() - t0)
                return True
            if self.last_error:  # the copy was quiet but unusable: trying again will not help
                return False
            time.sleep(0.2)
            sig = signature(self.db)
        return False

    def _copy(self, sig: Signature) -> Snapshot | None:
        self._n += 1
        target = self.tmp / f"snapshot-{self._n}.duckdb"
        modified = self.db.stat().st_mtime
        shutil.copyfile(self.db, target)
        wal = Path(str(self.db) + ".wal")
        if sig[1] != (None,):
            with contextlib.suppress(FileNotFoundError):
                shutil.copyfile(wal, str(target) + ".wal")
        if signature(self.db) != sig:  # a writer was busy during the copy
            self._discard(target)
            return None
        try:
            con = duckdb.connect(str(target))
            con.execute(f"LOAD '{fts_extension_path()}'")
            tables.prepare(con)
            con.execute("CHECKPOINT")
            # Requests are small: one thread each keeps a busy machine's tail latency low
            # (a query split over threads waits for the slowest one to be scheduled).
            con.execute("SET threads = 1")
        except duckdb.Error as exc:
            detail = str(exc).split("\n")[0].replace(str(target), str(self.db))
            self.last_error = f"not a newsgraph DuckDB store, or damaged: {detail}"
            with contextlib.suppress(UnboundLocalError, duckdb.Error):
                con.close()
            if self.current is not None:
                log.warning("snapshot of %s unusable (%s); keeping the previous one", self.db, detail)
            self._discard(target)
            return None
        version = hashlib.sha1(repr(sig).encode()).hexdigest()[:16]
        return Snapshot(path=target, sig=sig, con=con, modified=modified, version=version)

    @staticmethod
    def _discard(target: Path) -> None:
        for p in (target, Path(str(target) + ".wal")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()

    def _swap(self, snap: Snapshot) -> None:
        with self._lock:
            old, self.current = self.current, snap
        if old is not None:
            with old.lock:
                old.retired = True
                idle = old.users == 0
            if idle:
                old.close()

    # --- using snapshots ----------------------------------------------------------------
    @contextlib.contextmanager
    def cursor(self):
        """A cursor on the current snapshot, kept open until the request is done."""
        with self._lock:
            snap = self.current
            with snap.lock:
                snap.users += 1
        cur = snap.con.cursor()
        try:
            yield snap, cur
        finally:
            cur.close()
            with snap.lock:
                snap.users -= 1
                done = snap.retired and snap.users == 0
            if done:
                snap.close()

    # --- background polling ---------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="newsgraph-snapshots", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.refresh()
            except Exception:  # keep serving the old snapshot whatever happens
                log.exception("refreshing the snapshot of %s failed", self.db)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self.current is not None:
            self.current.close()
            self.current = None
        shutil.rmtree(self.tmp, ignore_errors=True)
