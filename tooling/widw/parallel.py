"""Work that a cold build can hand to the machine's other cores.

A cold build at thousands of cases spends most of its time in pure functions of the library
(related cases, APA references, Markdown conversion) that only a single core runs. These
helpers run such work in forked worker processes, which start with the parent's memory as it
is (the library, the configuration), so nothing has to be sent to them but a few names; each
worker's result comes back pickled, or lands in the content-addressed build cache.

Forking is only safe in a process without other threads: callers use this in `mkdocs build`
and `widw render`, never under `mkdocs serve`. Where fork is missing, with one core, or when
`WIDW_WORKERS=1`, everything runs in the calling process, in the same order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

R = TypeVar("R")

ENV_VAR = "WIDW_WORKERS"
"""How many processes a cold build may use at once (default: the usable cores)."""


def workers() -> int:
    """How many processes may work at once (1: none besides the caller)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    configured = os.environ.get(ENV_VAR, "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def in_background(function: Callable[..., R], *args: Any) -> Callable[[], R]:
    """Start `function(*args)` in a forked worker; returns the function that waits for its
    result. With one core it runs here and now; if the worker fails, it runs again here
    (so its error, if any, is raised in the caller as usual)."""
    wait = maybe_in_background(function, *args)

    def result() -> R:
        done, value = wait()
        return value if done else function(*args)

    return result


def maybe_in_background(function: Callable[..., R], *args: Any) -> Callable[[], tuple[bool, R]]:
    """Like `in_background`, but a failed worker gives (False, None) and nothing runs again."""
    if workers() < 2:
        value = function(*args)
        return lambda: (True, value)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send, args=(sender, function, args), daemon=True)
    process.start()
    sender.close()

    def outcome() -> tuple[bool, R]:
        try:
            done, value = receiver.recv()
        except (EOFError, OSError):
            done, value = False, None
        finally:
            receiver.close()
            process.join()
        return done, value

    return outcome


def _send(sender: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        sender.send((True, function(*args)))
    except BaseException:  # the caller runs it again and sees the error
        sender.send((False, None))
    finally:
        sender.close()
