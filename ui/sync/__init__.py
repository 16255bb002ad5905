"""The sync room's windows: the status bar indicator's text, the background worker, the sync window."""
