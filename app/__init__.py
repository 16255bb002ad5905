"""motcua core: domain rules, storage and services. No Qt, no hardware, no network."""

__version__ = "0.1.0"
