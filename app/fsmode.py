"""Files of the data dir (database, stored files, backups, logs) readable by this user only.

:func:`private_files` sets the process umask to 077 at start-up (``motcua`` and the stations), so every
file created afterwards is 0600 and every folder 0700 — SQLite's database, WAL and journal, the stored
files, migration backups, the rotating log, exports. :func:`tighten` also closes an existing data dir
created before (0700 on the folder itself). On Windows the data dir lives under the user's profile
(``%LOCALAPPDATA%``), whose ACL already gives only that user (and administrators) access; umask is a no-op.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077


def private_files() -> int:
    """Make files created from now on private to this user; returns the previous umask (POSIX)."""
    if os.name != "posix":
        return 0
    return os.umask(PRIVATE_UMASK)


def tighten(data_dir: Path) -> None:
    """The data dir itself 0700 when it exists and is ours (best effort: a shared folder set up by the
    technician is left as it is)."""
    if os.name != "posix":
        return
    try:
        if data_dir.is_dir() and data_dir.stat().st_uid == os.getuid():
            os.chmod(data_dir, 0o700)
    except OSError:
        pass
