"""Build a scanner from the address kept in station settings (see :mod:`devices.scanner` for the forms).

Kept apart from the interface so that the drivers import the interface and this module imports the
drivers, never the other way round; each driver module is imported only when its address is used
(python-sane, watchdog and pywin32 stay unloaded otherwise).
"""

from __future__ import annotations

from devices.base import DeviceError
from devices.scanner import Scanner, check_options, parse_address


def open_scanner(url: str, *, name: str | None = None) -> Scanner:
    """Build the scanner a station setting names. Runs on the device thread (SANE opens the device).

    Raises ``DeviceError(kind="config")`` for an address that cannot be understood, ``offline`` when the
    device is not there.
    """
    scheme, rest, options = parse_address(url)
    device = name or options.get("name") or rest or scheme
    if scheme == "sim":
        from devices.scanner_sim import simulated_from_options

        return simulated_from_options(device, options)
    if scheme == "sane":
        from devices.scanner_sane import sane_from_options

        return sane_from_options(device, rest, options)
    if scheme == "folder":
        from devices.scanner_folder import folder_from_options

        return folder_from_options(device, rest, options)
    if scheme == "wia":
        from devices.scanner_wia import WiaScanner

        check_options(device, options, {"name"})
        return WiaScanner(rest, name=device)
    raise DeviceError(device, "config", f"unknown scanner type {scheme!r} in {url!r}")
