"""The USB receipt printer driver through pyusb, with no USB hardware on this machine.

pyusb talks to libusb through a *backend* object (``usb.backend.IBackend``). Here a backend serves
descriptors of printers "plugged in" to a virtual bus, and behind its bulk endpoints sits an ESC/POS
printer model that records the bytes and answers DLE EOT status queries. Everything above the backend
is the real code path: ``usb.core.find``, descriptor parsing, ``Device.write``/``read``, string
descriptors for serial numbers, and our driver. What cannot be tested here: real libusb, kernel driver
detach (usblp), permissions, and a real printer's NAK/stall behaviour when out of paper.
"""

from __future__ import annotations

import array
import errno
from dataclasses import dataclass, field

import pytest
import usb.backend
import usb.core

from devices.base import DeviceError
from devices.printer import DLE_EOT_OFFLINE, DLE_EOT_PAPER, open_printer
from devices.printer_usb import UsbPrinter, find_printer

EPSON = (0x04B8, 0x0E15)
OK_BYTE = 0x12


class _Desc:
    def __init__(self, **fields):
        self.__dict__.update(fields)


@dataclass
class VirtualPrinter:
    """One USB printer on the virtual bus: its descriptors and the ESC/POS device behind the endpoints."""

    vid: int
    pid: int
    serial: str | None
    address: int
    out_ep: int = 0x01
    in_ep: int | None = 0x82
    interface_class: int = 7
    received: bytearray = field(default_factory=bytearray)
    replies: bytearray = field(default_factory=bytearray)
    paper_byte: int = OK_BYTE
    offline_byte: int = OK_BYTE
    plugged: bool = True
    stalled: bool = False  # out of paper: the printer stops taking data
    unplug_after: int | None = None  # bytes taken before the cable is pulled
    claimed: bool = False
    writes: int = 0

    def take(self, data: bytes) -> int:
        if not self.plugged:
            raise usb.core.USBError("No such device", errno=errno.ENODEV)
        if self.stalled:
            raise usb.core.USBTimeoutError("Operation timed out", errno=errno.ETIMEDOUT)
        if self.unplug_after is not None and len(self.received) + len(data) > self.unplug_after:
            self.received += data[: self.unplug_after - len(self.received)]
            self.plugged = False
            raise usb.core.USBError("No such device", errno=errno.ENODEV)
        self.writes += 1
        self.received += data
        for query, answer in ((DLE_EOT_PAPER, self.paper_byte), (DLE_EOT_OFFLINE, self.offline_byte)):
            if self.received.endswith(query):
                del self.received[-len(query):]
                self.replies.append(answer)
        return len(data)


class VirtualBusBackend(usb.backend.IBackend):
    """A pyusb backend over :class:`VirtualPrinter` objects (descriptor fields as libusb gives them)."""

    def __init__(self, *printers: VirtualPrinter) -> None:
        self.printers = list(printers)

    def enumerate_devices(self):
        return iter([p for p in self.printers if p.plugged])

    def get_device_descriptor(self, dev):
        return _Desc(
            bLength=18, bDescriptorType=1, bcdUSB=0x0200, bDeviceClass=0, bDeviceSubClass=0, bDeviceProtocol=0,
            bMaxPacketSize0=64, idVendor=dev.vid, idProduct=dev.pid, bcdDevice=0x0100, iManufacturer=0, iProduct=0,
            iSerialNumber=3 if dev.serial else 0, bNumConfigurations=1, address=dev.address, bus=1,
            port_number=dev.address, port_numbers=(dev.address,), speed=usb.util.SPEED_FULL,
        )

    def get_configuration_descriptor(self, dev, config):
        return _Desc(bLength=9, bDescriptorType=2, wTotalLength=32, bNumInterfaces=1, bConfigurationValue=1,
                     iConfiguration=0, bmAttributes=0xC0, bMaxPower=50, extra_descriptors=[])

    def get_interface_descriptor(self, dev, intf, alt, config):
        if intf != 0 or alt != 0:
            raise IndexError
        return _Desc(bLength=9, bDescriptorType=4, bInterfaceNumber=0, bAlternateSetting=0,
                     bNumEndpoints=2 if dev.in_ep else 1, bInterfaceClass=dev.interface_class, bInterfaceSubClass=1,
                     bInterfaceProtocol=2 if dev.in_ep else 1, iInterface=0, extra_descriptors=[])

    def get_endpoint_descriptor(self, dev, ep, intf, alt, config):
        addresses = [dev.out_ep] + ([dev.in_ep] if dev.in_ep else [])
        return _Desc(bLength=7, bDescriptorType=5, bEndpointAddress=addresses[ep], bmAttributes=usb.util.ENDPOINT_TYPE_BULK,
                     wMaxPacketSize=64, bInterval=0, bRefresh=0, bSynchAddress=0, extra_descriptors=[])

    def open_device(self, dev):
        if not dev.plugged:
            raise usb.core.USBError("No such device", errno=errno.ENODEV)
        return dev

    def close_device(self, dev_handle):
        pass

    def set_configuration(self, dev_handle, config_value):
        pass

    def get_configuration(self, dev_handle):
        return 1

    def claim_interface(self, dev_handle, intf):
        dev_handle.claimed = True

    def release_interface(self, dev_handle, intf):
        dev_handle.claimed = False

    def bulk_write(self, dev_handle, ep, intf, data, timeout):
        assert ep == dev_handle.out_ep and dev_handle.claimed
        return dev_handle.take(bytes(data))

    def bulk_read(self, dev_handle, ep, intf, buff, timeout):
        if not dev_handle.plugged:
            raise usb.core.USBError("No such device", errno=errno.ENODEV)
        if not dev_handle.replies:
            raise usb.core.USBTimeoutError("Operation timed out", errno=errno.ETIMEDOUT)
        n = min(len(buff), len(dev_handle.replies))
        buff[:n] = array.array("B", dev_handle.replies[:n])
        del dev_handle.replies[:n]
        return n

    def ctrl_transfer(self, dev_handle, bmRequestType, bRequest, wValue, wIndex, data, timeout):
        # Only GET_DESCRIPTOR(string): language ids (index 0) and the serial number (index 3).
        assert bRequest == 6 and wValue >> 8 == 3
        if wValue & 0xFF == 0:
            payload = bytes([4, 3, 0x09, 0x04])  # en-US
        else:
            text = (dev_handle.serial or "").encode("utf-16-le")
            payload = bytes([2 + len(text), 3]) + text
        n = min(len(data), len(payload))
        data[:n] = array.array("B", payload[:n])
        return n


def test_found_by_vid_pid_and_job_goes_through_the_bulk_endpoint():
    printer = VirtualPrinter(*EPSON, serial="J2VF000001", address=4, out_ep=0x03, in_ep=0x84)
    usbp = UsbPrinter(*EPSON, backend=VirtualBusBackend(printer))
    job = b"\x1b@" + bytes(range(256)) * 40 + b"\x1dV\x00"
    usbp.send(job)
    assert bytes(printer.received) == job
    assert printer.writes == -(-len(job) // 4096)  # in 4 KB bulk transfers
    usbp.close()
    assert printer.claimed is False


def test_several_printers_are_told_apart_by_serial_number():
    a = VirtualPrinter(*EPSON, serial="J2VF000001", address=4)
    b = VirtualPrinter(*EPSON, serial="J2VF000002", address=5)
    other = VirtualPrinter(0x0519, 0x0001, serial="STAR1", address=6)
    backend = VirtualBusBackend(a, b, other)
    with pytest.raises(DeviceError) as info:
        find_printer(*EPSON, backend=backend)
    assert info.value.kind == "config" and "J2VF000001" in info.value.message and "J2VF000002" in info.value.message
    usbp = UsbPrinter(*EPSON, "J2VF000002", backend=backend)
    usbp.send(b"to b")
    assert bytes(b.received) == b"to b" and a.received == bytearray()
    assert find_printer(0x0519, 0x0001, backend=backend).serial_number == "STAR1"


def test_none_found_is_a_clear_error():
    backend = VirtualBusBackend(VirtualPrinter(*EPSON, serial="J2VF000001", address=4))
    with pytest.raises(DeviceError) as info:
        find_printer(0x0416, 0x5011, backend=backend)
    assert info.value.kind == "offline" and "0416:5011" in info.value.message
    with pytest.raises(DeviceError) as info:
        UsbPrinter(*EPSON, "NOPE", backend=backend, name="receipt_printer").send(b"x")
    assert info.value.kind == "offline" and info.value.device == "receipt_printer" and "J2VF000001" in info.value.message
    status = UsbPrinter(0x0416, 0x5011, backend=backend).status()
    assert status.online is False


def test_status_read_back_over_the_in_endpoint():
    printer = VirtualPrinter(*EPSON, serial="S1", address=4)
    usbp = UsbPrinter(*EPSON, backend=VirtualBusBackend(printer), status_timeout=0.1)
    status = usbp.status()
    assert (status.online, status.paper, status.cover, status.ready) == (True, "ok", "closed", True)
    printer.paper_byte, printer.offline_byte = 0x12 | 0x0C, 0x12 | 0x04
    status = usbp.status()
    assert (status.paper, status.cover, status.ready) == ("low", "open", False)
    printer.paper_byte, printer.offline_byte = 0x12 | 0x60, 0x12 | 0x20
    assert usbp.status().paper == "out"
    assert printer.received == bytearray()  # queries are not jobs


def test_unidirectional_printer_has_no_paper_state():
    printer = VirtualPrinter(*EPSON, serial="S1", address=4, in_ep=None, interface_class=0xFF)
    usbp = UsbPrinter(*EPSON, backend=VirtualBusBackend(printer))
    status = usbp.status()
    assert status.online is True and status.paper == "unknown"
    usbp.send(b"vendor class")
    assert bytes(printer.received) == b"vendor class"


def test_unplugged_mid_job_then_plugged_back_at_another_address():
    printer = VirtualPrinter(*EPSON, serial="S1", address=4, unplug_after=6000)
    backend = VirtualBusBackend(printer)
    usbp = UsbPrinter(*EPSON, "S1", backend=backend)
    with pytest.raises(DeviceError) as info:
        usbp.send(b"x" * 20000)
    assert info.value.kind == "offline"
    assert usbp.status().online is False
    printer.plugged, printer.unplug_after, printer.address = True, None, 9
    printer.received.clear()
    usbp.send(b"again")
    assert bytes(printer.received) == b"again"


def test_a_stalled_printer_times_out():
    printer = VirtualPrinter(*EPSON, serial="S1", address=4, stalled=True)
    usbp = UsbPrinter(*EPSON, backend=VirtualBusBackend(printer))
    with pytest.raises(DeviceError) as info:
        usbp.send(b"x" * 100, timeout=0.2)
    assert info.value.kind == "timeout"


@pytest.mark.parametrize(
    ("url", "attrs"),
    [
        ("usb://04b8:0e15", {"vid": 0x04B8, "pid": 0x0E15, "serial": None}),
        ("usb://04B8:0E15?serial=J2VF012345", {"serial": "J2VF012345", "name": "usb://04b8:0e15?serial=J2VF012345"}),
        ("usb://0416:5011?name=ticket", {"name": "ticket"}),
    ],
)
def test_open_usb_printer(url, attrs):
    printer = open_printer(url)
    assert isinstance(printer, UsbPrinter)
    for key, value in attrs.items():
        assert getattr(printer, key) == value


@pytest.mark.parametrize("url", ["usb://", "usb://04b8", "usb://xyz:0e15", "usb://04b8:0e15?baud=9600", "usb://1ffff:1"])
def test_open_usb_printer_rejects(url):
    with pytest.raises(DeviceError) as info:
        open_printer(url)
    assert info.value.kind == "config"
