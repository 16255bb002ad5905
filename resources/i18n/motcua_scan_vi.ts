<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ItemViewer</name>
    <message>
        <location filename="../../ui/scan/viewer.py" line="+39"/>
        <source>◀ Previous page</source>
        <translation>◀ Trang trước</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next page ▶</source>
        <translation>Trang sau ▶</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1 / %2</translation>
    </message>
</context>
<context>
    <name>ScanEntry</name>
    <message>
        <location filename="../../ui/scan/__init__.py" line="+68"/>
        <source>Digitize…</source>
        <extracomment>The counter&apos;s key for the digitization panel (Ctrl+I is the ID card at the intake form).</extracomment>
        <translation>Số hóa…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan or attach the dossier&apos;s documents</source>
        <translation>Quét hoặc đính kèm giấy tờ của hồ sơ</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../ui/scan/panel.py" line="+106"/>
        <source>Digitize the documents — %1</source>
        <translation>Số hóa thành phần hồ sơ — %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Document</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Digitized</source>
        <translation>Số hóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>✔ digitized</source>
        <translation>✔ đã số hóa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 items digitized</source>
        <translation>%1 trên %2 thành phần đã số hóa</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose the file of the document</source>
        <translation>Chọn tệp của thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF or images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>PDF hoặc ảnh (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This item is not digitized yet.</source>
        <translation>Thành phần này chưa được số hóa.</translation>
    </message>
</context>
<context>
    <name>ScanSessionDialog</name>
    <message>
        <location filename="../../ui/scan/session.py" line="+86"/>
        <source>Scan documents — %1</source>
        <translation>Quét giấy tờ — %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Feeder</source>
        <translation>Khay nạp giấy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feeder, both sides</source>
        <translation>Khay nạp, hai mặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatbed</source>
        <translation>Mặt kính</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document:</source>
        <translation>Thành phần:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Earlier</source>
        <translation>Lên trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Xuống sau</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+252"/>
        <source>Rotate</source>
        <translation>Xoay</translation>
    </message>
    <message>
        <location line="-251"/>
        <location line="+252"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="-251"/>
        <location line="+252"/>
        <source>Rescan page</source>
        <translation>Quét lại trang</translation>
    </message>
    <message>
        <location line="-251"/>
        <location line="+255"/>
        <source>Move to item…</source>
        <translation>Chuyển sang thành phần…</translation>
    </message>
    <message>
        <location line="-254"/>
        <location line="+107"/>
        <source>Keep blank page</source>
        <translation>Giữ trang trắng</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(blank, left out)</source>
        <translation>(trắng, bỏ qua)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too dark</source>
        <translation>quá tối</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too light</source>
        <translation>quá sáng</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n page(s) to save</source>
        <translation>
            <numerusform>%n trang sẽ lưu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n blank page(s) left out (B brings one back)</source>
        <translation>
            <numerusform>%n trang trắng bị bỏ qua (phím B để giữ lại)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Scanning… %n page(s)</source>
        <translation>
            <numerusform>Đang quét… %n trang</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check page(s) %1: far too dark or too light — scan again if unreadable.</source>
        <translation>Kiểm tra trang %1: quá tối hoặc quá sáng — quét lại nếu không đọc được.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave blank page out</source>
        <translation>Bỏ trang trắng</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>scan stopped</source>
        <translation>đã dừng quét</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The scanner is not connected or was switched off.</source>
        <translation>Máy quét không kết nối hoặc đã bị tắt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no paper in the feeder.</source>
        <translation>Khay nạp không có giấy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paper is jammed in the scanner.</source>
        <translation>Giấy bị kẹt trong máy quét.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scanner&apos;s cover is open.</source>
        <translation>Nắp máy quét đang mở.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scanner is busy with another job.</source>
        <translation>Máy quét đang bận việc khác.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The scanner cannot scan with these settings.</source>
        <translation>Máy quét không quét được với thiết lập này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scanner reported an error.</source>
        <translation>Máy quét báo lỗi.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 The %n page(s) already scanned are kept.</source>
        <translation>
            <numerusform>%1 %n trang đã quét vẫn được giữ lại.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nothing to save: scan at least one page.</source>
        <translation>Chưa có gì để lưu: hãy quét ít nhất một trang.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saving the scanned documents…</source>
        <translation>Đang lưu giấy tờ đã quét…</translation>
    </message>
</context>
</TS>
