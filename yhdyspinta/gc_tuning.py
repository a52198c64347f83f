"""Freeze what a server process keeps for good, so Python's collector stops walking it.

Streamlit's own full collection after every run is off (`.streamlit/config.toml`,
`runner.postScriptGC`), but Python's automatic collector still runs a full (generation-2)
collection now and then, and each one walks every tracked object: about 300,000 in a dashboard
process once the libraries are imported and the caches filled, 80-150 ms a collection. Measured
with `bench/load.py` (100 sessions, overview, 2-core machine, 29.11.2026): 8 full collections
took 0.91 s in about 800 runs, roughly a tenth of the server's CPU; after `gc.freeze()` the next
400 runs had 2, taking 0.07 s together.

`gc.freeze()` moves every object alive at that moment into a permanent generation that
collections skip. What is frozen is still freed when its last reference goes; only reference
cycles among frozen objects are never collected. So the process freezes only a few times, early:
after the first completed run of each page (its imports done, its shared caches filled), at
most `MAX_FREEZES` times. The one session's objects frozen with them are a few hundred.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field

# Pages, the presentation and the self-assessment form each import and cache their own; more
# freezes than this would freeze mostly per-session objects.
MAX_FREEZES = 8


@dataclass
class FreezePolicy:
    """When to freeze: after a page's first completed run in the process, `limit` times at most."""

    limit: int = MAX_FREEZES
    freeze: Callable[[], None] = gc.freeze
    seen: set[str] = field(default_factory=set)

    def after_run(self, page: str) -> bool:
        """Call when a run of `page` has finished; True if it froze."""
        if page in self.seen or len(self.seen) >= self.limit:
            return False
        self.seen.add(page)
        self.freeze()
        return True


PROCESS_POLICY = FreezePolicy()
