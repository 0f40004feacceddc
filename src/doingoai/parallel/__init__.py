"""Extraction and ingest spread over a Dask ``distributed`` cluster: a local one (``--workers N``) or an
existing one (``--scheduler tcp://HOST:PORT``).

Imported only when asked for: a one-process run never pays for Dask's import.
"""
