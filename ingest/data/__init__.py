"""The vocabulary's data files (``*.json``), loaded by :mod:`ingest.vocabulary`; a package so that the wheel ships them."""
