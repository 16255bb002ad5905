"""Options of a device address (``serial:/dev/ttyUSB0?baud=9600&ack=1``, ``tcp://host:9100?timeout=3``):
one way to read a whole number, a positive number or a flag, with a ``config`` DeviceError naming the key."""

from __future__ import annotations

from devices.base import DeviceError


def int_option(device: str, options: dict[str, str], key: str, default, *, low: int = 1, high: int = 10**7):
    if key not in options:
        return default
    try:
        value = int(options[key])
    except ValueError:
        raise DeviceError(device, "config", f"{key} must be a whole number, not {options[key]!r}") from None
    if not low <= value <= high:
        raise DeviceError(device, "config", f"{key} must be {low}-{high}, not {value}")
    return value


def float_option(device: str, options: dict[str, str], key: str, default: float) -> float:
    if key not in options:
        return default
    try:
        value = float(options[key])
    except ValueError:
        raise DeviceError(device, "config", f"{key} must be a number, not {options[key]!r}") from None
    if not value > 0:
        raise DeviceError(device, "config", f"{key} must be positive")
    return value


def bool_option(device: str, options: dict[str, str], key: str, default: bool) -> bool:
    value = options.get(key)
    if value is None:
        return default
    value = value.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise DeviceError(device, "config", f"{key} must be 0 or 1, not {value!r}")
