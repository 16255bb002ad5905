<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ConfigDialog</name>
    <message>
        <location filename="../../ui/devices/config_dialog.py" line="+52"/>
        <source>Set up: %1</source>
        <translation>Cài đặt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. serial:usb=1a86:7523?protocol=stx-xor, tcp://192.168.1.50, sim:</source>
        <translation>ví dụ serial:usb=1a86:7523?protocol=stx-xor, tcp://192.168.1.50, sim:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Speed (baud)</source>
        <translation>Tốc độ (baud)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protocol</source>
        <translation>Giao thức</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device address</source>
        <translation>Địa chỉ thiết bị</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printer model</source>
        <translation>Mẫu máy in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test and save</source>
        <translation>Kiểm tra và lưu</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <location filename="../../ui/devices/texts.py" line="+14"/>
        <source>Receipt printer</source>
        <translation>Máy in biên nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket printer</source>
        <translation>Máy in vé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 printer</source>
        <translation>Máy in A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanner</source>
        <translation>Máy quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card reader</source>
        <translation>Đầu đọc CCCD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Button box</source>
        <translation>Hộp nút bấm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LED display</source>
        <translation>Bảng LED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating keypad</source>
        <translation>Bàn phím đánh giá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voice</source>
        <translation>Giọng đọc</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>working</source>
        <translation>hoạt động tốt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>đang kết nối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected</source>
        <translation>không kết nối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set up wrongly</source>
        <translation>cài đặt sai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>đã dừng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>out of paper</source>
        <extracomment>Conditions of a working device, by the words the drivers use in ``detail``.</extracomment>
        <translation>hết giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper running low</source>
        <translation>sắp hết giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cover open</source>
        <translation>nắp đang mở</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <extracomment>What a station says about its devices when all is well / when a problem is found.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (and %n more)</source>
        <translation>%1 (và %n thiết bị khác)</translation>
    </message>
</context>
<context>
    <name>DevicesWindow</name>
    <message>
        <location filename="../../ui/devices/window.py" line="+84"/>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+223"/>
        <source>ID card read by %1: %2</source>
        <translation>Đã đọc CCCD qua %1: %2</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Not an ID card (%1): %2</source>
        <translation>Không phải CCCD (%1): %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Driver</source>
        <translation>Trình điều khiển</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Discover...</source>
        <translation>Dò tìm...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>network printers in (e.g. 192.168.1.0/24)</source>
        <translation>máy in mạng trong dải (ví dụ 192.168.1.0/24)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this subnet is probed, on TCP 9100, at most 256 addresses</source>
        <translation>Chỉ dò dải mạng này, cổng TCP 9100, tối đa 256 địa chỉ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Configure...</source>
        <translation>Cài đặt...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test</source>
        <translation>Tự kiểm tra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch to simulated</source>
        <translation>Chuyển sang giả lập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch back</source>
        <translation>Chuyển lại thiết bị thật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export diagnostics...</source>
        <translation>Xuất tệp chẩn đoán...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Bytes sent (→) and received (←)</source>
        <translation>Byte đã gửi (→) và đã nhận (←)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>This device has no serial link to watch.</source>
        <translation>Thiết bị này không có cổng nối tiếp để theo dõi.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Plugged in: %1</source>
        <translation>Vừa cắm: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pulled out: %1</source>
        <translation>Vừa rút: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: key %2 pressed</source>
        <translation>%1: đã bấm phím %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: score %2 of %3</source>
        <translation>%1: điểm %2 trên %3</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Testing %1...</source>
        <translation>Đang kiểm tra %1...</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Self-test passed</source>
        <translation>Tự kiểm tra đạt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Self-test FAILED</source>
        <translation>Tự kiểm tra KHÔNG ĐẠT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now press each key: every key pressed shows here, its frame in the byte log.</source>
        <translation>Hãy bấm lần lượt từng phím: mỗi phím bấm hiện ở đây, khung dữ liệu của nó ở nhật ký byte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now scan a test card: its fields show here.</source>
        <translation>Hãy quét một thẻ thử: các trường đọc được hiện ở đây.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Give a subnet of at most 256 addresses, e.g. 192.168.1.0/24</source>
        <translation>Hãy nhập một dải mạng tối đa 256 địa chỉ, ví dụ 192.168.1.0/24</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looking for devices...</source>
        <translation>Đang dò tìm thiết bị...</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n device(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n thiết bị</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Devices found</source>
        <translation>Thiết bị tìm thấy</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use for the selected device</source>
        <translation>Dùng cho thiết bị đang chọn</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Self-test failed</source>
        <translation>Tự kiểm tra không đạt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2. Save this address anyway?</source>
        <translation>%1: %2. Vẫn lưu địa chỉ này?</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export diagnostics</source>
        <translation>Xuất tệp chẩn đoán</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Diagnostics written to %1</source>
        <translation>Đã ghi tệp chẩn đoán vào %1</translation>
    </message>
</context>
</TS>
