"""`python -m widw.mkdocs_serve PORT`: `make serve`, with a Dutch line when the port is taken.

MkDocs itself answers a taken port with a traceback (`OSError: [Errno 98]`), and only after
building the whole site. This checks the port first, then runs MkDocs' live server in this
process and turns the same error (another server that bound the port meanwhile) into the
same Dutch line.
"""

from __future__ import annotations

import errno
import socket
import sys

HOST = "127.0.0.1"


def port_problem(value: str, host: str = HOST) -> str | None:
    """None when `make serve` can use the port, else the Dutch reason and what to do."""
    if not value.isdigit() or not 1 <= int(value) <= 65535:
        return (
            f"'{value}' is geen poortnummer; kies een getal van 1024 tot 65535, "
            f"bijvoorbeeld: make serve PORT=8001"
        )
    port = int(value)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return taken(port)
    return None


def taken(port: int) -> str:
    """The Dutch message for a port that another program holds."""
    other = port + 1 if port < 65535 else 8001
    return (
        f"poort {port} is al in gebruik, misschien door een 'make serve' in een ander venster. "
        f"Stop dat met Ctrl+C, of kies een andere poort: make serve PORT={other}"
    )


def main(argv: list[str] | None = None) -> int:
    """Serve the site on 127.0.0.1:PORT with live reload; 1 with a Dutch line if impossible."""
    args = sys.argv[1:] if argv is None else argv
    value = args[0] if args else ""
    problem = port_problem(value)
    if problem:
        print(f"Fout: {problem}", file=sys.stderr)
        return 1
    from mkdocs.__main__ import cli  # only here: the rest of widw never imports MkDocs

    address = f"{HOST}:{value}"
    try:
        # --dirty: an edit rebuilds only the pages whose generated text changed (the plugin
        # stores each page in the build cache; unchanged ones keep their file and its time).
        cli.main(args=["serve", "--livereload", "--dirty", "--dev-addr", address, *args[1:]])
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(f"Fout: {taken(int(value))}", file=sys.stderr)
        return 1
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1


if __name__ == "__main__":
    sys.exit(main())
