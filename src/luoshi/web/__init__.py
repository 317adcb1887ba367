"""luoshi's web interface (`luoshi serve`) and self-contained reports (`luoshi report`).

    app = luoshi.web.create_app("luoshi.duckdb")   # a FastAPI application, read-only

Pages are rendered on the server with Jinja2; charts are drawn by the plotly.js that the
plotly package ships, served by the app itself: nothing is loaded from the network.
The database is opened only by `luoshi.web.db.connect_readonly`.
"""

from __future__ import annotations

from luoshi.web.app import create_app

__all__ = ["create_app"]
