"""A file-less keyring for tests: values live in the environment variable MOTCUA_TEST_KEYRING (JSON), so a
command started by a test sees what the test stored, and nothing touches the OS keyring or a file."""

from __future__ import annotations

import json
import os
import sys

from keyring.backend import KeyringBackend


class EnvKeyring(KeyringBackend):
    priority = 1

    def _all(self) -> dict:
        return json.loads(os.environ.get("MOTCUA_TEST_KEYRING") or "{}")

    def get_password(self, service, username):
        return self._all().get(f"{service}|{username}")

    def set_password(self, service, username, password):
        values = self._all()
        values[f"{service}|{username}"] = password
        os.environ["MOTCUA_TEST_KEYRING"] = json.dumps(values)
        sys.stderr.write("")  # nothing printed: a secret never reaches the output

    def delete_password(self, service, username):
        values = self._all()
        values.pop(f"{service}|{username}", None)
        os.environ["MOTCUA_TEST_KEYRING"] = json.dumps(values)
